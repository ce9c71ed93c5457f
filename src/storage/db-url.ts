/** Database strings as they may be printed: a URL's password never is. */

/** Query parameters of a connection URL that hold a secret (libpq's password, sslpassword). */
const SECRET_PARAM = /password/i;

/**
 * `db` fit to print or log: in a URL the password, whether after the user name or in a
 * `password=` parameter, becomes `***` (postgres://desk:***@db.example/archive); a file path
 * is left as it is.
 */
export function shownDatabase(db: string): string {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(db)) return db;
  try {
    const u = new URL(db);
    if (u.password) u.password = '***';
    for (const key of [...u.searchParams.keys()]) if (SECRET_PARAM.test(key)) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    // Not a URL the parser takes: cut out what could be a password rather than show it.
    return db.replace(/^([^:]+:\/\/[^:/@]*):[^@]*@/, '$1:***@').replace(/([?&][^=&]*password[^=&]*=)[^&]*/gi, '$1***');
  }
}
