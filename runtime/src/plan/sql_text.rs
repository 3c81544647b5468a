//! What a piece of caller's SQL holds, read as the server would read it:
//! quotes, quoted identifiers, comments and (PostgreSQL) dollar quotes, so a
//! `;` inside any of them does not count as the end of a statement.
//!
//! `raw` and `execute_statement` send ONE statement. Over the text protocol
//! PostgreSQL and MySQL run every statement of a string, so a string with
//! more than one is refused before anything is sent.

use crate::error::{Error, Result};
use crate::plan::sql::Dialect;

/// Err unless `sql` is at most one statement (a trailing `;`, whitespace
/// and comments after it are allowed).
pub(crate) fn one_statement(dialect: Dialect, sql: &str) -> Result<()> {
    match second_statement(dialect, sql) {
        None => Ok(()),
        Some(at) => Err(Error::SeveralStatements {
            at,
            statement: sql.to_owned(),
        }),
    }
}

/// Whether a backslash escapes a quote inside `'..'` and inside `".."`
/// strings: server settings decide it, and the check cannot see them.
#[derive(Clone, Copy)]
struct Reading {
    single: bool,
    double: bool,
}

/// Every way the dialect's server may read quotes. PostgreSQL:
/// `standard_conforming_strings` on (no escapes in `'..'`) or off
/// (backslash escapes). MySQL: the default (backslash escapes in both),
/// `NO_BACKSLASH_ESCAPES` (none), `ANSI_QUOTES` (`".."` is an identifier,
/// without escapes). A string that is more than one statement under ANY
/// of them is refused: under a setting the check did not assume, a `\'`
/// would otherwise end a string early and let a second statement run.
fn readings(dialect: Dialect) -> &'static [Reading] {
    const NONE: Reading = Reading {
        single: false,
        double: false,
    };
    const SINGLE: Reading = Reading {
        single: true,
        double: false,
    };
    const BOTH: Reading = Reading {
        single: true,
        double: true,
    };
    match dialect {
        Dialect::Sqlite => &[NONE],
        Dialect::Postgres => &[NONE, SINGLE],
        Dialect::Mysql => &[BOTH, NONE, SINGLE],
    }
}

/// Err unless `sql` takes exactly `given` parameters, where the dialect's
/// placeholders can be counted: MySQL's `?`, PostgreSQL's `$n` (the highest
/// `n`), outside quotes and comments. Refused before anything is sent:
/// sqlx's MySQL driver, given a count that does not match, leaves the
/// connection waiting for an answer that never comes. On MySQL the count
/// must be the same under every reading of backslashes in quotes (the
/// session's `sql_mode` decides it, and the check cannot see it): where a
/// `\'` moves a `?` in or out of a string, the statement is refused.
/// (PostgreSQL reports a wrong count itself; SQLite too, and it has named
/// placeholders.) Used by the async executors only.
#[cfg_attr(not(feature = "tokio"), allow(dead_code))]
pub(crate) fn parameters_match(dialect: Dialect, sql: &str, given: usize) -> Result<()> {
    if dialect == Dialect::Sqlite {
        return Ok(());
    }
    let readings = match dialect {
        Dialect::Mysql => readings(dialect),
        _ => &readings(dialect)[..1],
    };
    let mut counts: Vec<usize> = readings
        .iter()
        .map(|&r| scan(dialect, r, sql).placeholders)
        .collect();
    counts.dedup();
    let mark = if dialect == Dialect::Mysql { "?" } else { "$n" };
    let message = match counts[..] {
        [placeholders] if placeholders == given => return Ok(()),
        [placeholders] => format!(
            "the statement has {placeholders} placeholder(s) (`{mark}`) and {given} parameter(s) were given; nothing was sent"
        ),
        _ => {
            let (least, most) = (
                counts.iter().min().copied().unwrap_or(0),
                counts.iter().max().copied().unwrap_or(0),
            );
            format!(
                "the statement has {least} to {most} placeholder(s) (`{mark}`), depending on whether the server reads a backslash in quotes as an escape (`sql_mode` NO_BACKSLASH_ESCAPES, ANSI_QUOTES), and {given} parameter(s) were given; nothing was sent: write the quoted text without a backslash before its closing quote, or pass it as a parameter"
            )
        }
    };
    Err(Error::Database {
        message,
        statement: sql.to_owned(),
        source: None,
    })
}

/// Whether `sql` is a query that returns rows, read past leading
/// whitespace, comments and opening parentheses: `SELECT`, `WITH`, `VALUES`
/// or `TABLE`. Such statements always go prepared, so their results come
/// back in the binary format (over the text protocol MySQL prints a FLOAT
/// with 6 significant digits, and PostgreSQL's text depends on session
/// settings such as `extra_float_digits` and `DateStyle`).
#[cfg_attr(not(feature = "tokio"), allow(dead_code))]
pub(crate) fn is_query(dialect: Dialect, sql: &str) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(after) = comment(dialect, b, i) {
            i = after;
        } else if b[i].is_ascii_whitespace() || b[i] == b'(' {
            i += 1;
        } else {
            break;
        }
    }
    let rest = &b[i..];
    let word_end = rest
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_end];
    ["select", "with", "values", "table"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// The byte offset of the `;` that ends the first statement when more SQL
/// follows it under some reading of the quotes, or None.
fn second_statement(dialect: Dialect, sql: &str) -> Option<usize> {
    readings(dialect)
        .iter()
        .filter_map(|&reading| scan(dialect, reading, sql).second)
        .min()
}

/// What reading `sql` under one reading of the quotes found.
struct Scan {
    /// The `;` ending the first statement, when more SQL follows.
    second: Option<usize>,
    /// MySQL's `?` placeholders, or PostgreSQL's highest `$n`.
    #[cfg_attr(not(feature = "tokio"), allow(dead_code))]
    placeholders: usize,
}

fn scan(dialect: Dialect, reading: Reading, sql: &str) -> Scan {
    let mut placeholders = 0;
    let second = scan_into(dialect, reading, sql, &mut placeholders);
    Scan {
        second,
        placeholders,
    }
}

fn scan_into(
    dialect: Dialect,
    reading: Reading,
    sql: &str,
    placeholders: &mut usize,
) -> Option<usize> {
    let b = sql.as_bytes();
    let mut i = 0;
    let mut end_of_first = None;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        // Comments, the same before and after the first `;`.
        if let Some(after) = comment(dialect, b, i) {
            i = after;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b';' {
            end_of_first.get_or_insert(i);
            i += 1;
            continue;
        }
        // Anything else is SQL: after the first `;` it is a second statement.
        if let Some(at) = end_of_first {
            return Some(at);
        }
        i = match (dialect, c) {
            // Backslash escapes as the reading says; PostgreSQL's E''
            // strings take them under every setting.
            (_, b'\'') => quoted(b, i + 1, b'\'', reading.single),
            (Dialect::Postgres, b'e' | b'E') if next == Some(b'\'') => {
                quoted(b, i + 2, b'\'', true)
            }
            (_, b'"') => quoted(b, i + 1, b'"', reading.double),
            (Dialect::Mysql | Dialect::Sqlite, b'`') => quoted(b, i + 1, b'`', false),
            (Dialect::Sqlite, b'[') => b[i..]
                .iter()
                .position(|&x| x == b']')
                .map_or(b.len(), |p| i + p + 1),
            (Dialect::Postgres, b'$') => match dollar_quoted(b, i) {
                Some(end) => end,
                None => {
                    // `$n`, a parameter: the highest `n` counts.
                    let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                    let n = sql[i + 1..i + 1 + digits].parse::<usize>().unwrap_or(0);
                    *placeholders = (*placeholders).max(n);
                    i + 1 + digits
                }
            },
            (Dialect::Mysql, b'?') => {
                *placeholders += 1;
                i + 1
            }
            // Skip a whole word, so `$` inside an identifier (`a$b$`) or
            // the `e` of `some'` is never read as the start of a quote.
            (_, c) if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                let mut j = i + 1;
                while j < b.len()
                    && (b[j].is_ascii_alphanumeric()
                        || b[j] == b'_'
                        || b[j] == b'$'
                        || b[j] >= 0x80)
                {
                    j += 1;
                }
                j
            }
            _ => i + 1,
        };
    }
    None
}

/// The end (one past the comment) of a comment starting at `i`, if one does.
fn comment(dialect: Dialect, b: &[u8], i: usize) -> Option<usize> {
    let c = b[i];
    let next = b.get(i + 1).copied();
    // PostgreSQL's lexer ends a `--` comment at `\r` as well as at `\n`
    // (its `newline` is `[\n\r]`); MySQL's and SQLite's only at `\n`.
    let ends = |x: u8| x == b'\n' || (dialect == Dialect::Postgres && x == b'\r');
    let line = |from: usize| {
        b[from..]
            .iter()
            .position(|&x| ends(x))
            .map_or(b.len(), |p| from + p + 1)
    };
    match (c, next) {
        (b'-', Some(b'-')) => {
            // MySQL reads `--` as a comment only before whitespace (so
            // `1--1` is arithmetic).
            let after = b.get(i + 2).copied();
            if dialect == Dialect::Mysql && !after.is_none_or(|a| a.is_ascii_whitespace()) {
                None
            } else {
                Some(line(i + 2))
            }
        }
        (b'#', _) if dialect == Dialect::Mysql => Some(line(i + 1)),
        (b'/', Some(b'*')) => {
            // MySQL runs the body of `/*! ... */` and `/*M! ... */` as SQL:
            // read it as SQL (its closing `*/` is then harmless punctuation).
            if dialect == Dialect::Mysql && matches!(b.get(i + 2), Some(b'!' | b'M')) {
                return None;
            }
            let nests = dialect == Dialect::Postgres;
            let mut depth = 1;
            let mut j = i + 2;
            while j < b.len() {
                if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        return Some(j);
                    }
                } else if nests && b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                    depth += 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            Some(b.len())
        }
        _ => None,
    }
}

/// One past the closing `quote` of a quoted run whose body starts at
/// `from` (a doubled quote is an escaped one).
fn quoted(b: &[u8], from: usize, quote: u8, backslash: bool) -> usize {
    let mut j = from;
    while j < b.len() {
        if backslash && b[j] == b'\\' {
            j += 2;
        } else if b[j] == quote {
            if b.get(j + 1) == Some(&quote) {
                j += 2;
            } else {
                return j + 1;
            }
        } else {
            j += 1;
        }
    }
    b.len()
}

/// One past the end of a PostgreSQL dollar-quoted string starting at `i`
/// (`$$...$$`, `$tag$...$tag$`), or None when `$` starts no such string
/// (a parameter such as `$1`).
fn dollar_quoted(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] >= 0x80) {
        j += 1;
    }
    if b.get(j) != Some(&b'$') || b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let tag = &b[i..=j];
    let body = j + 1;
    Some(
        b[body..]
            .windows(tag.len())
            .position(|w| w == tag)
            .map_or(b.len(), |p| body + p + tag.len()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mysql_placeholders_count_alike_under_every_reading() {
        let ok = |sql: &str, n| parameters_match(Dialect::Mysql, sql, n).is_ok();
        assert!(ok("SELECT ?, '?', \"?\"", 1));
        assert!(
            ok(r"SELECT ?, 'a\\', ?", 2),
            "an escaped backslash reads alike"
        );
        // Two placeholders under NO_BACKSLASH_ESCAPES, none by default.
        for (sql, given) in [(r"SELECT ?, 'a\', ?, 'b'", 1), (r"SELECT 'a\', ?", 1)] {
            let e = parameters_match(Dialect::Mysql, sql, given).unwrap_err();
            assert!(e.to_string().contains("NO_BACKSLASH_ESCAPES"), "{e}");
        }
        // PostgreSQL counts itself: its default reading only.
        assert!(parameters_match(Dialect::Postgres, r"SELECT 'a\', $1", 1).is_ok());
    }

    #[test]
    fn queries_are_known_past_comments_and_parentheses() {
        for (dialect, sql) in [
            (Dialect::Mysql, "select 1"),
            (Dialect::Mysql, "# tag\n/* x */ ( SELECT 1)"),
            (
                Dialect::Postgres,
                "/* a /* nested */ b */ WITH t AS (SELECT 1) TABLE t",
            ),
            (Dialect::Postgres, "--x\rVALUES (1)"),
            (Dialect::Sqlite, "  table t"),
        ] {
            assert!(is_query(dialect, sql), "{sql}");
        }
        for (dialect, sql) in [
            (Dialect::Mysql, "/*! SELECT */ 1"),
            (Dialect::Mysql, "LOCK TABLES t WRITE"),
            (Dialect::Postgres, "selected"),
            (Dialect::Postgres, "CREATE TABLE t (x int)"),
            (Dialect::Sqlite, ""),
            (Dialect::Sqlite, "-- select"),
        ] {
            assert!(!is_query(dialect, sql), "{sql}");
        }
    }

    fn several(dialect: Dialect, sql: &str) -> Option<usize> {
        second_statement(dialect, sql)
    }

    const ALL: [Dialect; 3] = [Dialect::Sqlite, Dialect::Postgres, Dialect::Mysql];

    #[test]
    fn one_statement_with_trailing_semicolons_and_comments() {
        for d in ALL {
            for sql in [
                "SELECT 1",
                "SELECT 1;",
                "SELECT 1 ;  \n;",
                "-- note\nSELECT 1; -- done\n",
                "/* a; b */ SELECT 1; /* c; d */",
                "SELECT ';' FROM t",
                "SELECT 'it''s; fine' FROM t",
                "SELECT \"a;b\" FROM t",
            ] {
                assert_eq!(several(d, sql), None, "{d:?}: {sql}");
            }
        }
    }

    #[test]
    fn every_second_statement_is_found() {
        for d in ALL {
            for (sql, at) in [
                ("-- note\nSELECT 1; DROP TABLE x", 16),
                ("SELECT 1;DROP TABLE x", 8),
                ("SELECT ';'; DELETE FROM t", 10),
                ("/* ; */ SELECT 1; /* ; */ DELETE FROM t", 16),
                ("SELECT 1;\n-- c\nDELETE FROM t", 8),
            ] {
                assert_eq!(several(d, sql), Some(at), "{d:?}: {sql}");
            }
        }
    }

    #[test]
    fn dialect_quotes_and_comments() {
        use Dialect::*;
        // Dollar quotes and nested comments (PostgreSQL).
        assert_eq!(several(Postgres, "SELECT $$a; b$$"), None);
        assert_eq!(several(Postgres, "SELECT $f$a; $$ b$f$ FROM t"), None);
        assert_eq!(several(Postgres, "SELECT $1; SELECT 2"), Some(9));
        assert_eq!(several(Postgres, "SELECT a$b; SELECT 2"), Some(10));
        assert_eq!(several(Postgres, "/* /* ; */ ; */ SELECT 1"), None);
        assert_eq!(several(Postgres, "SELECT E'\\'; x' FROM t"), None);
        // A plain PostgreSQL string has no backslash escape (by default),
        // and takes them under `standard_conforming_strings = off`: either
        // reading that finds a second statement refuses the text.
        assert_eq!(several(Postgres, "SELECT '\\'; SELECT 2"), Some(10));
        assert_eq!(
            several(Postgres, "SELECT 'a\\'' ; DELETE FROM t; --'"),
            Some(13)
        );
        // MySQL: backslash escapes by default, none under
        // NO_BACKSLASH_ESCAPES, `"` an identifier under ANSI_QUOTES: a `\'`
        // that may end the string is read both ways.
        assert_eq!(several(Mysql, "SELECT 'a;\\\\b', 'it''s;' FROM t"), None);
        assert_eq!(several(Mysql, "SELECT 'a\\'; b' FROM t"), Some(11));
        assert_eq!(
            several(
                Mysql,
                "UPDATE t SET a = 'x\\'; DELETE FROM t; -- ' WHERE id = 1"
            ),
            Some(21)
        );
        assert_eq!(several(Mysql, "SELECT \"a\\\"; b\" FROM t"), Some(11));
        assert_eq!(
            several(Mysql, "SELECT 'it\\'s' FROM t WHERE a = '\\\\'"),
            None
        );
        assert_eq!(several(Mysql, "SELECT `a;b` FROM t # ; x\n"), None);
        assert_eq!(several(Mysql, "SELECT 1--1; SELECT 2"), Some(11));
        assert_eq!(several(Mysql, "SELECT 1 /*!; DROP TABLE t */"), Some(12));
        // SQLite: bracketed identifiers.
        assert_eq!(several(Sqlite, "SELECT [a;b] FROM t"), None);
        // A `--` comment ends at `\r` on PostgreSQL only.
        assert_eq!(several(Postgres, "SELECT 1 -- x\r; DROP TABLE t"), Some(14));
        assert_eq!(several(Mysql, "SELECT 1 -- x\r; DROP TABLE t"), None);
        assert_eq!(several(Sqlite, "SELECT 1 -- x\r; DROP TABLE t"), None);
    }

    #[test]
    fn placeholders_are_counted_outside_quotes_and_comments() {
        use Dialect::*;
        let count = |d, sql| scan(d, readings(d)[0], sql).placeholders;
        assert_eq!(
            count(
                Mysql,
                "SELECT ? , '?', `?`, \"?\" -- ?\n FROM t WHERE a = ? /* ? */"
            ),
            2
        );
        assert_eq!(count(Mysql, "SELECT 'it\\'s ?' FROM t WHERE a = ?"), 1);
        assert_eq!(count(Postgres, "SELECT 1 -- $1\r FROM t WHERE a = $2"), 2);
        assert_eq!(count(Postgres, "SELECT 1 -- $1\r\n, $3"), 3);
        assert_eq!(
            count(
                Postgres,
                "SELECT $2, '$3', $$ $4 $$ FROM t WHERE a = $1 -- $5"
            ),
            2
        );
        assert_eq!(
            count(Postgres, "SELECT a ? 'k' FROM t"),
            0,
            "jsonb's `?` is an operator"
        );
        assert!(parameters_match(Mysql, "SELECT ? FROM t", 1).is_ok());
        let err = parameters_match(Mysql, "SELECT ? FROM t WHERE b = ?", 1).unwrap_err();
        assert!(err.to_string().contains("2 placeholder(s)"), "{err}");
        assert!(parameters_match(Postgres, "SELECT $1", 2).is_err());
        assert!(
            parameters_match(Sqlite, "SELECT ?, :name", 0).is_ok(),
            "SQLite checks itself"
        );
    }

    #[test]
    fn unterminated_quotes_and_comments_end_the_text() {
        for d in ALL {
            assert_eq!(several(d, "SELECT 'a; DROP TABLE t"), None, "{d:?}");
            assert_eq!(several(d, "SELECT 1 /* ; DROP TABLE t"), None, "{d:?}");
        }
    }
}
