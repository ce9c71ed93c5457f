/** Database strings as printed: passwords never, everything else as given. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { shownDatabase } from './db-url.js';

const CASES: Array<[string, string]> = [
  ['postgres://desk:s3cret@db.example/archive', 'postgres://desk:***@db.example/archive'],
  ['postgresql://desk:p%40ss@db.example:5433/archive?sslmode=require', 'postgresql://desk:***@db.example:5433/archive?sslmode=require'],
  ['postgres://desk@db.example/archive', 'postgres://desk@db.example/archive'],
  ['postgres://db.example/archive?user=desk&password=s3cret', 'postgres://db.example/archive?user=desk&password=***'],
  ['postgres://desk@db.example/archive?sslpassword=k3y', 'postgres://desk@db.example/archive?sslpassword=***'],
  ['crosscheck.db', 'crosscheck.db'],
  ['/data/cases/vessany:2022.db', '/data/cases/vessany:2022.db'],
  ['C:\\cases\\vessany.db', 'C:\\cases\\vessany.db'],
];

for (const [db, shown] of CASES) it(`shows ${db} as ${shown}`, () => assert.equal(shownDatabase(db), shown));

it('cuts the password out of a URL the parser refuses, rather than show it', () => {
  const shown = shownDatabase('postgres://desk:s3cret@db example/archive?password=again');
  assert.doesNotMatch(shown, /s3cret|again/);
  assert.match(shown, /^postgres:\/\/desk:\*\*\*@/);
});
