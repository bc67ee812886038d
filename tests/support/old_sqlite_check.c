/* What an old sqlite3 makes of a relmgr index: scripts/test.sh builds this program against
 * SQLite 3.34.1 (RHEL 9's version, the amalgamation from the sqlite3-src 0.3.0 crate) into
 * ~/.cache/relmgr/, and tests/cli/old_sqlite.rs runs it on .relmgr/index.db.
 *
 *   old-sqlite-check DB
 *
 * opens DB read-only and prints, one per line:
 *   version 3.34.1
 *   integrity_check ok            (or each problem SQLite reports)
 *   foreign_key_check ok          (or "foreign_key_check TABLE ROWID PARENT" per broken row)
 *   count TABLE N                 (for every table of sqlite_master)
 * It exits 0 when everything was read and both checks said ok, 1 otherwise (with the reason
 * on stderr, e.g. "malformed database schema" when the schema uses SQL this SQLite lacks).
 */
#include <stdio.h>
#include <string.h>
#include "sqlite3.h"

static int failed = 0;

static void fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
  failed = 1;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s DB\n", argv[0]);
    return 2;
  }
  printf("version %s\n", sqlite3_libversion());
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fail(db, "open");
    return 1;
  }
  sqlite3_stmt *st = NULL;

  /* integrity_check: one row "ok", or one row per problem. */
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
    fail(db, "integrity_check");
  } else {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const char *r = (const char *)sqlite3_column_text(st, 0);
      printf("integrity_check %s\n", r ? r : "(null)");
      if (!r || strcmp(r, "ok") != 0) failed = 1;
    }
    if (rc != SQLITE_DONE) fail(db, "integrity_check");
    sqlite3_finalize(st);
  }

  /* foreign_key_check: no row when every reference holds. */
  if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
    fail(db, "foreign_key_check");
  } else {
    int rc, broken = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      printf("foreign_key_check %s %lld %s\n", sqlite3_column_text(st, 0),
             (long long)sqlite3_column_int64(st, 1), sqlite3_column_text(st, 2));
      broken = failed = 1;
    }
    if (rc != SQLITE_DONE) fail(db, "foreign_key_check");
    else if (!broken) printf("foreign_key_check ok\n");
    sqlite3_finalize(st);
  }

  /* Every table reads. */
  if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                         -1, &st, NULL) != SQLITE_OK) {
    fail(db, "sqlite_master");
  } else {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const char *name = (const char *)sqlite3_column_text(st, 0);
      char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", name);
      sqlite3_stmt *c = NULL;
      if (!sql || sqlite3_prepare_v2(db, sql, -1, &c, NULL) != SQLITE_OK ||
          sqlite3_step(c) != SQLITE_ROW) {
        fail(db, name);
      } else {
        printf("count %s %lld\n", name, (long long)sqlite3_column_int64(c, 0));
      }
      sqlite3_finalize(c);
      sqlite3_free(sql);
    }
    if (rc != SQLITE_DONE) fail(db, "sqlite_master");
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return failed;
}
