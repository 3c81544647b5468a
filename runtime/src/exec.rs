//! Executors send statements and hand back rows; the loader does the rest.

use crate::column::RawRow;
use crate::error::Result;
use crate::load::Load;
use crate::model::Model;
use crate::query::Ctx;
use crate::sql::Statement;

/// A connection that runs statements synchronously.
pub trait Executor {
    /// Dialect and key-list binding of this connection.
    fn ctx(&self) -> Ctx;

    /// Run one statement, passing each row to `sink`; returns the row count.
    /// Logs the statement.
    fn run(
        &self,
        statement: &Statement,
        sink: &mut dyn FnMut(&dyn RawRow) -> Result<()>,
    ) -> Result<usize>;
}

pub(crate) fn drive<M: Model>(executor: &impl Executor, mut load: Load<M>) -> Result<Vec<M>> {
    while let Some(stmt) = load.next_statement()? {
        executor.run(&stmt, &mut |row| load.accept_row(row))?;
    }
    Ok(load.finish())
}

/// Like `drive`, but hands the rows back even when a statement fails, so
/// rows the caller lent are not lost.
pub(crate) fn drive_keep<M: Model>(
    executor: &impl Executor,
    mut load: Load<M>,
) -> (Vec<M>, Result<()>) {
    loop {
        let stmt = match load.next_statement() {
            Ok(Some(stmt)) => stmt,
            Ok(None) => return (load.finish(), Ok(())),
            Err(e) => return (load.into_rows(), Err(e)),
        };
        if let Err(e) = executor.run(&stmt, &mut |row| load.accept_row(row)) {
            return (load.into_rows(), Err(e));
        }
    }
}
