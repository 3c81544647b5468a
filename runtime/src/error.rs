//! Every error the crate returns: a statement's or a load's ([`Error`]), one
//! cell's that would not decode ([`CellError`]) and a relation field's that
//! was not loaded ([`NotLoaded`]). The ground floor: it imports nothing of
//! the crate.

/// Everything that can go wrong while loading. Decode errors name the model,
/// field, column and statement; database errors name the statement.
///
/// `Display` shortens a long statement (a key list of 100,000 values is
/// megabytes of SQL); [`Error::statement`] gives the whole text, for logs.
///
/// ```
/// use related::prelude::*;
/// use related::{CellError, Error, Found};
///
/// #[derive(Clone, Debug, Model)]
/// struct Item { id: i64, qty: i32 }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Item::info()])?;
///
/// // `one()` on an empty table.
/// let err = Item::query().one(&db).unwrap_err();
/// assert!(matches!(err, Error::NotOne { model: "Item", found: Found::None, .. }));
/// assert!(err.statement().unwrap().starts_with("SELECT"));
///
/// // A cell that does not fit its field: the message names all of it.
/// db.execute("INSERT INTO item (id, qty) VALUES (1, 5000000000)", &[])?;
/// let err = Item::query().all(&db).unwrap_err();
/// let Error::Decode { field, column, error, .. } = &err else { panic!("{err}") };
/// assert_eq!((*field, *column), ("qty", "qty"));
/// assert!(matches!(error, CellError::OutOfRange { .. }));
/// assert!(err.to_string().starts_with("cannot decode `Item.qty` from column `qty`"));
///
/// // Two statements where one is allowed: nothing is sent.
/// let err = db.execute("DELETE FROM item; DROP TABLE item", &[]).unwrap_err();
/// assert!(matches!(err, Error::SeveralStatements { at: 16, .. }));
/// assert_eq!(Item::query().count(&db)?, 1);
/// # Ok(()) }
/// ```
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A cell of a result row could not become its field's type.
    #[error(
        "cannot decode `{model}.{field}` from column `{column}`: {error}; statement: {}",
        shorten(statement)
    )]
    Decode {
        /// The model being decoded.
        model: &'static str,
        /// The Rust field of that model.
        field: &'static str,
        /// The column the field is stored in.
        column: &'static str,
        /// What was wrong with the cell.
        error: CellError,
        /// The statement that returned the row.
        statement: String,
    },
    /// The database refused or failed a statement (a syntax error, a
    /// constraint, a missing table...).

    #[error(
        "the database rejected a statement: {message}; statement: {}",
        shorten(statement)
    )]
    Database {
        /// The database's message.
        message: String,
        /// The statement it was about.
        statement: String,
        /// The driver's error, where there is one.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// The connection broke while a statement ran (the server closed it, or
    /// the network failed): the statement's outcome is unknown to the
    /// client, and the server rolled back any transaction of the session.
    #[error("{message}; statement: {}", shorten(statement))]
    ConnectionLost {
        /// What the driver said.
        message: String,
        /// The statement that was running.
        statement: String,
        /// The driver's error, where there is one.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// `raw` and `execute_statement` send ONE statement; this SQL holds
    /// more (outside quotes and comments). Nothing was sent.
    #[error(
        "one call sends one statement, and this SQL holds more than one (text after the `;` at byte {at}); nothing was sent; statement: {}",
        shorten(statement)
    )]
    SeveralStatements {
        /// Byte offset of the `;` that ends the first statement.
        at: usize,
        /// The whole SQL given.
        statement: String,
    },
    /// Opening a connection or a pool failed.
    #[error("cannot connect: {message}")]
    Connect {
        /// What the driver said.
        message: String,
        /// The driver's error, where there is one.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// A typed load (`Query::fetch`) found a row lacking a relation its
    /// type claims: a loaded foreign key whose row does not exist (no
    /// foreign-key constraint), which a typed row cannot return.
    #[error(
        "{error}; a typed row cannot hold it (read such rows with `all`); statement: {}",
        shorten(statement)
    )]
    Untypable {
        /// What the row lacks: the model, the field and the missing row.
        error: NotLoaded,
        /// The statement that loaded the row.
        statement: String,
    },
    /// Two prefetches of one query follow the same lookup, each with a
    /// query of its own (a filter, an ordering, a limit), so their results
    /// would land in the same field. Found when the query runs, before
    /// anything is sent.
    #[error(
        "the lookup `{lookup}` was given two queries: {}, then {}; give each a target field of its own with `Prefetch::to(...)`",
        shorten(first),
        shorten(second)
    )]
    DuplicateLookup {
        /// The lookup path, e.g. `posts__comments`.
        lookup: String,
        /// The query the lookup was given first, e.g.
        /// ``Prefetch (filter `"tag"."name" LIKE ?`)``.
        first: String,
        /// The query given second.
        second: String,
    },
    /// `link` was given a relation that has no join table.
    #[error("`{relation}` is not a many-to-many relation: {what}")]
    NotManyToMany {
        /// The relation, as `Model.field`.
        relation: String,
        /// What the relation is instead.
        what: &'static str,
    },
    /// `one()` found no row, or more than one.
    #[error(
        "expected exactly one `{model}` row, found {found}; statement: {}",
        shorten(statement)
    )]
    NotOne {
        /// The model queried.
        model: &'static str,
        /// What was found instead.
        found: Found,
        /// The statement that ran.
        statement: String,
    },
    /// A negative `limit` or `offset` (Django refuses a negative slice too).
    /// Found when the query runs, before anything is sent.
    #[error("`{what}({value})` on a query of `{model}`: a number of rows cannot be negative")]
    Negative {
        /// The query's (or the prefetch level's) model.
        model: &'static str,
        /// `limit` or `offset`.
        what: &'static str,
        /// The value given.
        value: i64,
    },
    /// A relation field read with `.get()?` in a function returning
    /// [`Result`](crate::Result): the query did not load it.
    #[error(transparent)]
    NotLoaded(#[from] NotLoaded),
}

impl Error {
    /// The whole text of the statement the error is about (the message
    /// shows at most 600 characters of it).
    pub fn statement(&self) -> Option<&str> {
        match self {
            Error::Decode { statement, .. }
            | Error::Database { statement, .. }
            | Error::ConnectionLost { statement, .. }
            | Error::SeveralStatements { statement, .. }
            | Error::NotOne { statement, .. }
            | Error::Untypable { statement, .. } => Some(statement),
            Error::Connect { .. }
            | Error::DuplicateLookup { .. }
            | Error::Negative { .. }
            | Error::NotManyToMany { .. }
            | Error::NotLoaded(_) => None,
        }
    }

    /// This error of a statement sent before `load`'s first one (a
    /// question of the load's own, such as whether a transaction is open),
    /// naming both: the question's SQL alone would not say which load
    /// failed.
    #[cfg(any(feature = "postgres", feature = "mysql"))]
    pub(crate) fn asked_before(mut self, load: &str) -> Self {
        let (Error::Database { statement, .. } | Error::ConnectionLost { statement, .. }) =
            &mut self
        else {
            return self;
        };
        *statement = format!("{statement} -- asked before the load's statement: {load}");
        self
    }
}

/// Why one cell of a result row could not become the field's type.
///
/// [`Error::Decode`](Error::Decode) carries it, with the model,
/// field, column and statement.
///
/// ```
/// use related::prelude::*;
/// use related::{CellError, Error};
///
/// #[derive(Clone, Debug, Model)]
/// struct Item { id: i64, name: String }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)", &[])?;
/// db.execute("INSERT INTO item VALUES (1, NULL)", &[])?;
/// match Item::query().all(&db) {
///     Err(Error::Decode { field: "name", error: CellError::UnexpectedNull, .. }) => {}
///     other => panic!("{other:?}"),
/// }
/// assert!(CellError::UnexpectedNull.to_string().contains("`Option<_>`"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CellError {
    /// The cell is NULL and the field is not an `Option`.
    #[error(
        "NULL in a column that is not nullable (declare the field as `Option<_>` if NULL is allowed)"
    )]
    UnexpectedNull,
    #[error("expected {expected}, found {found}")]
    /// The cell holds another SQL type than the field reads.
    WrongType {
        /// The type the field reads.
        expected: &'static str,
        /// What the cell holds.
        found: String,
    },
    #[error("value {value} does not fit in {expected}")]
    /// The value does not fit the field's type (e.g. 300 in a `u8`).
    OutOfRange {
        /// The value, as text.
        value: String,
        /// The field's type.
        expected: &'static str,
    },
    /// The row has fewer columns than the loader asked for.
    #[error("column index {0} is out of range for this row")]
    NoSuchColumn(usize),
    /// A row read by column name (`raw`) has no column of that name, or
    /// more than one.
    #[error("{0}")]
    NotInResult(String),
    /// The driver could not read the cell; its message.
    #[error("{0}")]
    Driver(String),
}

/// Reading a relation that the query did not load.
///
/// ```
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, author: ForeignKey<Author> }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Author::info(), Post::info()])?;
/// db.insert(&Author { id: 1, name: "Ann".into() })?;
/// db.insert(&Post { id: 1, author: ForeignKey::new(1) })?;
/// let post = Post::query().one(&db)?; // no select_related
/// let err = post.author.get().unwrap_err();
/// assert!(matches!(err, related::NotLoaded::Joinable { model: "Post", field: "author" }));
/// assert!(err.to_string().contains(".select_related(Post::author())"));
///
/// // `?` turns it into `related::Error`, as in any function returning
/// // `related::Result`.
/// let name = |post: &Post| -> related::Result<String> { Ok(post.author.get()?.name.clone()) };
/// assert!(matches!(name(&post), Err(related::Error::NotLoaded(_))));
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotLoaded {
    #[error(
        "`{model}.{field}` was not loaded: add `.select_related({model}::{field}())` (one JOIN) or `.prefetch_related({model}::{field}())` to the query"
    )]
    /// A single-valued relation: a JOIN or a prefetch loads it.
    Joinable {
        /// The model declaring the field.
        model: &'static str,
        /// The field.
        field: &'static str,
    },
    #[error(
        "`{model}.{field}` was not loaded: add `.prefetch_related({model}::{field}())` to the query"
    )]
    /// A many-valued relation: only a prefetch loads it.
    PrefetchOnly {
        /// The model declaring the field.
        model: &'static str,
        /// The field.
        field: &'static str,
    },
    #[error(
        "`{model}.{field}` points at a row the query did not find: no row has that key, or the filter or limit of the `Prefetch` that loads it left it out (load such a subset into a `Prefetched<T>` field with `.to(..)`)"
    )]
    /// The query loaded the relation, and the row the key points at was
    /// not found: it does not exist (a LEFT JOIN or a prefetch found
    /// nothing), or a `Prefetch` with a filter or limit left it out.
    Missing {
        /// The model declaring the field.
        model: &'static str,
        /// The field.
        field: &'static str,
    },
    /// A `Counted` field read from a query that did not count it.
    #[error(
        "`{model}.{field}` was not counted: add `.count_related({model}::<relation>(), {model}::{field}())` to the query"
    )]
    NotCounted {
        /// The model.
        model: &'static str,
        /// The field.
        field: &'static str,
    },
}

impl NotLoaded {
    /// The error with `model.field` named, where the field held no name of
    /// its own (built by hand: `ForeignKey::new`, `Default`); a named one
    /// as it is. The derive's typed-row check calls it per field.
    #[doc(hidden)]
    pub fn __named(self, model: &'static str, field: &'static str) -> Self {
        use NotLoaded::*;
        match self {
            Joinable { model: "?", .. } => Joinable { model, field },
            PrefetchOnly { model: "?", .. } => PrefetchOnly { model, field },
            Missing { model: "?", .. } => Missing { model, field },
            NotCounted { model: "?", .. } => NotCounted { model, field },
            named => named,
        }
    }
}

/// How many characters of a statement an error message shows.
pub const SHOWN_SQL_CHARS: usize = 600;

/// `sql` as an error message shows it: whole when short, else its head and
/// tail around the number of characters left out.
pub(crate) fn shorten(sql: &str) -> std::borrow::Cow<'_, str> {
    const TAIL: usize = 100;
    let chars = sql.chars().count();
    if chars <= SHOWN_SQL_CHARS {
        return sql.into();
    }
    let head_end = sql
        .char_indices()
        .nth(SHOWN_SQL_CHARS - TAIL)
        .map_or(sql.len(), |(i, _)| i);
    let tail_start = sql
        .char_indices()
        .nth(chars - TAIL)
        .map_or(sql.len(), |(i, _)| i);
    format!(
        "{} [... {} characters left out; Error::statement() has the whole text ...] {}",
        &sql[..head_end],
        chars - SHOWN_SQL_CHARS,
        &sql[tail_start..]
    )
    .into()
}

/// What `one()` found instead of exactly one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// No row matched.
    None,
    /// Two or more rows matched (`one()` reads at most two).
    MoreThanOne,
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Found::None => "none",
            Found::MoreThanOne => "more than one",
        })
    }
}

/// `std::result::Result` with this crate's [`Error`] by default.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_statements_are_shortened_in_messages_only() {
        let sql = format!(
            "SELECT * FROM t WHERE id IN ({})",
            vec!["?"; 100_000].join(", ")
        );
        let e = Error::Database {
            message: "boom".into(),
            statement: sql.clone(),
            source: None,
        };
        let shown = e.to_string();
        assert!(shown.len() < 1_000, "{} bytes", shown.len());
        assert!(shown.starts_with(
            "the database rejected a statement: boom; statement: SELECT * FROM t WHERE id IN (?, ?"
        ));
        assert!(shown.ends_with("?, ?)"), "{shown}");
        assert!(shown.contains(&format!(
            "{} characters left out",
            sql.len() - SHOWN_SQL_CHARS
        )));
        assert_eq!(e.statement(), Some(sql.as_str()));
    }

    #[test]
    fn short_statements_are_shown_whole_and_multibyte_text_is_cut_on_char_boundaries() {
        let e = Error::NotOne {
            model: "Post",
            found: Found::MoreThanOne,
            statement: "SELECT 1".into(),
        };
        assert_eq!(
            e.to_string(),
            "expected exactly one `Post` row, found more than one; statement: SELECT 1"
        );
        let sql = "é".repeat(2 * SHOWN_SQL_CHARS);
        let shown = shorten(&sql);
        assert!(shown.starts_with(&"é".repeat(SHOWN_SQL_CHARS - 100)));
        assert!(shown.ends_with(&"é".repeat(100)));
    }
}

/// A lookup given two queries, as the query builder found it; reported as
/// [`Error::DuplicateLookup`] when the query runs.
#[derive(Clone, Debug)]
pub(crate) struct Duplicate {
    pub lookup: String,
    pub first: String,
    pub second: String,
}

impl Duplicate {
    pub(crate) fn into_error(self) -> Error {
        Error::DuplicateLookup {
            lookup: self.lookup,
            first: self.first,
            second: self.second,
        }
    }
}

/// A mistake the query builder found and keeps until the query runs, when it
/// is reported before anything is sent (the builder's methods return the
/// query, not a `Result`).
#[derive(Clone, Debug)]
pub(crate) enum Deferred {
    /// A lookup given two queries.
    Duplicate(Duplicate),
    /// A negative `limit` or `offset`.
    Negative {
        model: &'static str,
        what: &'static str,
        value: i64,
    },
}

impl Deferred {
    /// The `error` of adding a level, reported at `lookup`, the whole path
    /// from the query's model: a duplicate there, or a negative count from
    /// the level's own query, which stays itself.
    pub(crate) fn at(error: Error, lookup: String) -> Self {
        match error {
            Error::DuplicateLookup { first, second, .. } => Deferred::Duplicate(Duplicate {
                lookup,
                first,
                second,
            }),
            Error::Negative { model, what, value } => Deferred::Negative { model, what, value },
            // Adding a level fails only with one of those; any other error
            // keeps its own text.
            other => Deferred::Duplicate(Duplicate {
                lookup,
                first: other.to_string(),
                second: String::new(),
            }),
        }
    }

    pub(crate) fn into_error(self) -> Error {
        match self {
            Deferred::Duplicate(d) => d.into_error(),
            Deferred::Negative { model, what, value } => Error::Negative { model, what, value },
        }
    }
}
