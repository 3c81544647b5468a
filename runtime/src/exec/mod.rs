//! Executors and backends.
//!
//! May import every other layer.

#[cfg(feature = "tokio")]
pub(crate) mod async_exec;
pub(crate) mod count;
pub(crate) mod executor;
#[cfg(feature = "mysql")]
pub(crate) mod mysql;
#[cfg(feature = "mysql")]
pub(crate) mod mysql_types;
#[cfg(feature = "postgres")]
pub(crate) mod postgres;
#[cfg(feature = "postgres")]
pub(crate) mod postgres_types;
pub(crate) mod run;
#[cfg(feature = "sqlite")]
pub mod sqlite;
#[cfg(all(feature = "sqlite", feature = "tokio"))]
pub(crate) mod sqlite_async;
#[cfg(any(feature = "postgres", feature = "mysql"))]
pub(crate) mod sqlx_exec;
