//! The error type of every fallible operation.

use crate::column::CellError;

/// Everything that can go wrong while loading. Decode errors name the model,
/// field, column and statement; database errors name the statement.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "cannot decode `{model}.{field}` from column `{column}`: {error}; statement: {statement}"
    )]
    Decode {
        model: &'static str,
        field: &'static str,
        column: &'static str,
        error: CellError,
        statement: String,
    },
    #[error("the database rejected a statement: {message}; statement: {statement}")]
    Database {
        message: String,
        statement: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    #[error("cannot connect: {message}")]
    Connect {
        message: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    #[error(
        "the lookup `{lookup}` was given twice with different queries; give each a target field of its own with `Prefetch::to(...)`"
    )]
    DuplicateLookup { lookup: String },
    #[error("`{relation}` is not a many-to-many relation: {what}")]
    NotManyToMany {
        relation: String,
        what: &'static str,
    },
    #[error("expected exactly one `{model}` row, found {found}; statement: {statement}")]
    NotOne {
        model: &'static str,
        found: Found,
        statement: String,
    },
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

pub type Result<T, E = Error> = std::result::Result<T, E>;
