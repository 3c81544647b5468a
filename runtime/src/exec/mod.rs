//! Executors and backends: what sends statements. The `Executor` trait, the
//! `Job` it runs and `run_job` (`executor`), running a query on one (`run`,
//! `count`; async: `async_exec`), and the backends: SQLite (`sqlite`,
//! `sqlite_async`) and PostgreSQL and MySQL through sqlx (`sqlx_exec`,
//! `postgres`, `mysql`, with their value encodings in `*_types`).
//!
//! The top layer: it may import every other one, and no other layer imports
//! it.

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
#[cfg(any(feature = "postgres", feature = "mysql"))]
pub(crate) mod settle;
#[cfg(feature = "sqlite")]
pub mod sqlite;
#[cfg(all(feature = "sqlite", feature = "tokio"))]
pub(crate) mod sqlite_async;
#[cfg(any(feature = "postgres", feature = "mysql"))]
pub(crate) mod sqlx_exec;
