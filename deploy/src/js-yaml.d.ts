// The one function of js-yaml 4 used here (the package ships no types; @types/js-yaml would be one more dependency).
declare module 'js-yaml' {
  export function loadAll(text: string): unknown[];
}
