import { defineBasics } from './basic';
import { defineForm, type FormHooks } from './form';
import { defineMap } from './map';
import { defineMedia } from './media';
import { defineScrolling } from './scroll';

export interface BuiltinHooks extends FormHooks {
  navigate(openType: string, url: string, delta: number): void;
  whereAmI(): { latitude: number; longitude: number } | null;
}

export function defineBuiltins(hooks: BuiltinHooks): void {
  defineBasics(hooks.navigate);
  defineForm(hooks);
  defineMedia();
  defineScrolling();
  defineMap(hooks.whereAmI);
}
