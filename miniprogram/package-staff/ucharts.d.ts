/** uCharts ships no types: the constructor draws the chart its options describe on `opts.context`. */
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(opts: Record<string, unknown>);
  }
}
