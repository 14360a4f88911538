/** 党建红: the brand colour, for what TypeScript colours (dialog buttons, map circles, the poster). app.wxss has it as --hl-red. */
export const BRAND_RED = '#C8161D';
