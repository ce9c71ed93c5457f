/** The API's types, as the server declares them (the web app sees nothing else of the server). */
export type * from '../../src/server/api-types.ts';
