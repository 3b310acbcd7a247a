/** Files webpack bundles as their text (`type: 'asset/source'`): the seed plan. */
declare module '*.txt' {
  const text: string;
  export default text;
}
