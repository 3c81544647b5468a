//! The shape of a statement: its SQL with every value taken out, so the
//! same query sent for different rows (`... WHERE id = 1`, `... WHERE id = 2`,
//! or `$1` on every call) counts as one statement sent many times.

/// `sql` with literals, numbered placeholders and value lists reduced to `?`:
/// string literals, numbers outside identifiers, `$n`, and any run of `?`
/// separated by commas (an `IN (?, ?, ?)` list of any length) become one `?`.
/// Quoted identifiers are kept as written; whitespace runs become one space.
pub(crate) fn shape(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                // A string literal; '' inside it is an escaped quote.
                loop {
                    match chars.next() {
                        Some('\'') if chars.peek() == Some(&'\'') => {
                            chars.next();
                        }
                        Some('\'') | None => break,
                        Some(_) => {}
                    }
                }
                push_value(&mut out);
            }
            '"' | '`' => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '$' if chars.peek().is_some_and(char::is_ascii_digit) => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
                push_value(&mut out);
            }
            '?' => push_value(&mut out),
            c if c.is_ascii_digit() && !ends_in_word(&out) => {
                while chars
                    .peek()
                    .is_some_and(|d| d.is_ascii_alphanumeric() || *d == '.')
                {
                    chars.next();
                }
                push_value(&mut out);
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.trim_end().to_owned()
}

/// Whether the text so far ends inside a bare word (a digit there belongs
/// to an identifier such as `t2`).
fn ends_in_word(out: &str) -> bool {
    out.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Append one value marker, merging it into a `?, ?` list just before it.
fn push_value(out: &mut String) {
    let tail = out.trim_end_matches([' ', ',']);
    if tail.ends_with('?') && out[tail.len()..].contains(',') {
        out.truncate(tail.len());
    } else {
        out.push('?');
    }
}

/// The table a SELECT reads first (`FROM "table"`, `FROM \`table\``, or a
/// bare name), unquoted.
pub(crate) fn first_table(shape: &str) -> Option<&str> {
    let upper = shape.to_ascii_uppercase();
    let at = upper.find(" FROM ")? + " FROM ".len();
    let rest = shape[at..].trim_start();
    let mut chars = rest.chars();
    let name = match chars.next()? {
        q @ ('"' | '`') => {
            let end = rest[1..].find(q)?;
            &rest[1..1 + end]
        }
        _ => {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            &rest[..end]
        }
    };
    // A schema-qualified name: the table is the last part.
    Some(name.rsplit('.').next().unwrap_or(name)).filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_stripped_and_lists_collapse() {
        assert_eq!(
            shape("SELECT \"t2\".\"id\" FROM \"t2\"  WHERE \"id\" = $1 AND x IN ($2, $3, $4)"),
            "SELECT \"t2\".\"id\" FROM \"t2\" WHERE \"id\" = ? AND x IN (?)"
        );
        assert_eq!(
            shape("select * from a where id = 42 and name = 'O''Hara' and t3.v > 1.5e3"),
            "select * from a where id = ? and name = ? and t3.v > ?"
        );
        assert_eq!(shape("SELECT ? , ?,?"), "SELECT ?");
        // Different values, one shape.
        assert_eq!(
            shape("SELECT * FROM `blog_author` WHERE `id` = 7"),
            shape("SELECT * FROM `blog_author` WHERE `id` = ?")
        );
        // An unterminated literal does not loop or panic.
        assert_eq!(shape("SELECT 'abc"), "SELECT ?");
        assert_eq!(shape(""), "");
    }

    #[test]
    fn first_table_of_each_quoting() {
        assert_eq!(
            first_table("SELECT a FROM \"blog_post\" WHERE"),
            Some("blog_post")
        );
        assert_eq!(first_table("SELECT a FROM `blog_post`"), Some("blog_post"));
        assert_eq!(
            first_table("select a from s.blog_post t"),
            Some("blog_post")
        );
        assert_eq!(first_table("INSERT INTO x VALUES (?)"), None);
        assert_eq!(first_table("SELECT 1 FROM "), None);
    }
}
