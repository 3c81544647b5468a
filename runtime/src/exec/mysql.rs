//! MySQL and MariaDB through sqlx: pass a `MySqlPool`, `&mut *connection`
//! or `&mut *transaction` to [`crate::Query::all_async`].
//!
//! A key list is one placeholder per key, split into statements of at most
//! 65,535 placeholders (the protocol counts them in 16 bits). A load with
//! prefetch levels runs in one `WITH CONSISTENT SNAPSHOT, READ ONLY`
//! transaction unless the server says the connection is already in a
//! transaction (its `SET TRANSACTION` is then refused, and the load runs
//! inside the caller's).

use std::sync::Arc;

use sqlx::error::BoxDynError;
use sqlx::mysql::{
    MySql, MySqlArguments, MySqlConnection, MySqlDatabaseError, MySqlQueryResult, MySqlRow,
    MySqlTypeInfo, MySqlValueRef,
};
use sqlx::{Arguments, AssertSqlSafe, Decode, Executor as _, Row, Type, TypeInfo, ValueRef};

use crate::error::CellError;
use crate::error::Result;
use crate::exec::executor::{Consistency, Job};
use crate::exec::mysql_types as my_types;
use crate::exec::sqlx_exec::{Backend, Results, connection_executor};
use crate::model::column::{RawRow, narrow, narrow_f32};
use crate::model::value::{SqlDate, SqlTime, SqlTimestamp, Value};
use crate::plan::sql::{Ctx, Dialect, KeyBinding};

impl Backend for MySql {
    const CTX: Ctx = Ctx {
        dialect: Dialect::Mysql,
        binding: KeyBinding::Expanded { max: 65_535 },
    };

    // A packet's header is taken from the buffer before its body has
    // arrived (sqlx-mysql 0.9, `recv_packet_part`).
    const RESUMES_CUT_STATEMENT: bool = false;
    const FAILURE_ABORTS_TRANSACTION: bool = false;

    fn begin(consistency: Consistency) -> &'static str {
        match consistency {
            // WITH CONSISTENT SNAPSHOT only holds under REPEATABLE READ, and
            // the session's level may be another: set it for this one
            // transaction, in the same round trip.
            Consistency::Snapshot => {
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY"
            }
            Consistency::None | Consistency::Atomic => "START TRANSACTION",
        }
    }

    fn transaction_probe(consistency: Consistency, owned: bool) -> Option<&'static str> {
        match consistency {
            // On a connection of the load's own, the snapshot's SET
            // TRANSACTION is refused inside a transaction (see
            // `refused_in_transaction`): no question needed. A connection
            // the caller holds is asked first: if the load were dropped
            // before it read that refusal, the driver would hand the
            // unread error to the caller's next statement.
            Consistency::Snapshot if owned => None,
            // A START TRANSACTION inside a transaction would commit it.
            Consistency::Snapshot | Consistency::None | Consistency::Atomic => {
                Some("SELECT CAST(@@in_transaction AS SIGNED)")
            }
        }
    }

    fn begin_probing(_consistency: Consistency) -> Option<&'static str> {
        // A connection of the load's own needs no question for a snapshot
        // (see `transaction_probe`); for a write, a START TRANSACTION would
        // commit an open transaction before anything could be asked.
        None
    }

    fn refused_by_open_transaction(_e: &sqlx::Error) -> bool {
        false
    }

    fn refused_in_transaction(e: &sqlx::Error) -> bool {
        // ER_CANT_CHANGE_TX_CHARACTERISTICS (1568, SQLSTATE 25001): SET
        // TRANSACTION inside an open transaction. The server refuses it
        // before the START TRANSACTION after it runs and leaves the
        // transaction as it was.
        error_number(e) == Some(1568)
    }

    fn stale_statement(e: &sqlx::Error) -> bool {
        // ER_NEED_REPREPARE: the server could not re-prepare a statement
        // after a change of the table it reads.
        error_number(e) == Some(1615)
    }

    fn closes_connection(e: &dyn sqlx::error::DatabaseError) -> bool {
        // ER_CONNECTION_KILLED (MariaDB 1927), ER_SERVER_SHUTDOWN (1053),
        // MySQL's ER_CLIENT_INTERACTION_TIMEOUT (4031), and every network
        // error of SQLSTATE 08S01 (ER_NET_PACKET_TOO_LARGE 1153 among
        // them): the server hangs up after sending it.
        e.try_downcast_ref::<MySqlDatabaseError>().is_some_and(|e| {
            matches!(e.number(), 1927 | 1053 | 4031)
                || e.code().is_some_and(|c| c.starts_with("08"))
        })
    }

    fn ended_transaction(e: &dyn sqlx::error::DatabaseError) -> Option<&'static str> {
        // ER_LOCK_DEADLOCK: InnoDB rolls back the victim's whole
        // transaction, not only the statement.
        e.try_downcast_ref::<MySqlDatabaseError>()
            .is_some_and(|e| e.number() == 1213)
            .then_some(
                "the server rolled back the whole transaction this statement ran in, \
                 a transaction of yours included (its earlier statements are undone, and \
                 what you send next runs outside it): start it again",
            )
    }

    fn arguments(params: Vec<Value>) -> std::result::Result<MySqlArguments, String> {
        crate::exec::sqlx_exec::within_parameter_limit(&params, "MySQL")?;
        let mut args = MySqlArguments::default();
        for value in params {
            add(&mut args, value).map_err(|e| e.to_string())?;
        }
        Ok(args)
    }

    fn cacheable(_params: &[Value]) -> bool {
        // MySQL takes parameter types with every execution, not at prepare.
        true
    }

    fn send<'c>(
        conn: &'c mut MySqlConnection,
        sql: Arc<str>,
        args: Option<MySqlArguments>,
        persistent: bool,
    ) -> Results<'c, Self> {
        // The SQL is the planner's (every value a bind parameter) or the
        // caller's own raw SQL: asserting it safe is what sqlx asks for such
        // text.
        match args {
            Some(args) => {
                conn.fetch_many(sqlx::query_with(AssertSqlSafe(sql), args).persistent(persistent))
            }
            None => conn.fetch_many(sqlx::raw_sql(AssertSqlSafe(sql))),
        }
    }

    fn rows_affected(result: &MySqlQueryResult) -> u64 {
        result.rows_affected()
    }

    fn accept(row: &MySqlRow, job: &mut dyn Job) -> Result<()> {
        job.accept_row(&MyCells(row))
    }
}

connection_executor!(MySql, MySqlConnection);

/// The server's error number of a database error.
fn error_number(e: &sqlx::Error) -> Option<u16> {
    match e {
        sqlx::Error::Database(db) => db
            .try_downcast_ref::<MySqlDatabaseError>()
            .map(MySqlDatabaseError::number),
        _ => None,
    }
}

fn add(args: &mut MySqlArguments, value: Value) -> std::result::Result<(), BoxDynError> {
    match value {
        Value::Null => args.add(None::<i64>),
        Value::Bool(v) => args.add(v),
        Value::I64(v) => args.add(v),
        Value::F64(v) => args.add(v),
        Value::Text(v) => args.add(v),
        Value::Bytes(v) => args.add(v),
        // The planner expands key lists on MySQL; a list here is a bug, and
        // an error names the statement rather than a panic.
        Value::List(_) => Err("MySQL has no array parameters".into()),
        // Microseconds in a BIGINT, as Django stores a duration.
        Value::Duration(d) => match d.micros() {
            Some(m) => args.add(m),
            None => Err(crate::model::types::temporal::DURATION_RANGE.into()),
        },
        Value::Date(_)
        | Value::Time(_)
        | Value::Timestamp(_)
        | Value::TimestampTz(_)
        | Value::Uuid(_)
        | Value::Decimal(_)
        | Value::Json(_) => match my_types::text(&value) {
            Some(text) => args.add(text),
            None => Err("not a typed MySQL value".into()),
        },
    }
}

/// A MySQL row read by column position: each getter accepts the column
/// types its Rust type can hold (narrowing checked) and names the column's
/// type otherwise.
struct MyCells<'r>(&'r MySqlRow);

fn decode<'r, T: Decode<'r, MySql>>(value: MySqlValueRef<'r>) -> std::result::Result<T, CellError> {
    T::decode(value).map_err(|e| CellError::Driver(e.to_string()))
}

fn wrong(expected: &'static str, ty: &MySqlTypeInfo) -> CellError {
    CellError::WrongType {
        expected,
        found: ty.name().to_owned(),
    }
}

impl MyCells<'_> {
    fn cell(&self, idx: usize) -> std::result::Result<Option<MySqlValueRef<'_>>, CellError> {
        let value = self.0.try_get_raw(idx).map_err(|e| match e {
            sqlx::Error::ColumnIndexOutOfBounds { index, .. } => CellError::NoSuchColumn(index),
            e => CellError::Driver(e.to_string()),
        })?;
        if !value.is_null() {
            return Ok(Some(value));
        }
        // sqlx reads MySQL's zero date (`0000-00-00`, stored where
        // `sql_mode` allows it) as NULL. It is not NULL: a nullable field
        // would read `None` in silence. A zero date still has its bytes
        // (a real NULL has none): hand it on, for the date's reader to
        // refuse by name.
        let dated = matches!(value.type_info().name(), "DATE" | "DATETIME" | "TIMESTAMP");
        if dated && <&[u8] as Decode<MySql>>::decode(value.clone()).is_ok() {
            return Ok(Some(value));
        }
        Ok(None)
    }

    /// The raw bytes of a cell whose column type is one of `names` (a
    /// string-compatible column too with `text`).
    fn typed_bytes<T>(
        &self,
        idx: usize,
        names: &[&str],
        text: bool,
        expected: &'static str,
        read: impl FnOnce(&[u8]) -> std::result::Result<T, CellError>,
    ) -> std::result::Result<Option<T>, CellError> {
        self.typed_cell(idx, names, text, expected, |bytes, _| read(bytes))
    }

    /// [`typed_bytes`](Self::typed_bytes), `read` given the column's type
    /// too.
    fn typed_cell<T>(
        &self,
        idx: usize,
        names: &[&str],
        text: bool,
        expected: &'static str,
        read: impl FnOnce(&[u8], &MySqlTypeInfo) -> std::result::Result<T, CellError>,
    ) -> std::result::Result<Option<T>, CellError> {
        let Some(value) = self.cell(idx)? else {
            return Ok(None);
        };
        let ty = value.type_info().into_owned();
        let fits = names.contains(&ty.name())
            || (text
                && (<String as Type<MySql>>::compatible(&ty)
                    || <Vec<u8> as Type<MySql>>::compatible(&ty)));
        if !fits {
            return Err(wrong(expected, &ty));
        }
        let bytes: &[u8] = decode(value)?;
        read(bytes, &ty).map(Some)
    }

    fn int(&self, idx: usize) -> std::result::Result<Option<i64>, CellError> {
        let Some(value) = self.cell(idx)? else {
            return Ok(None);
        };
        let ty = value.type_info();
        if <i64 as Type<MySql>>::compatible(&ty) {
            decode::<i64>(value).map(Some)
        } else if <u64 as Type<MySql>>::compatible(&ty) {
            let v = decode::<u64>(value)?;
            i64::try_from(v)
                .map(Some)
                .map_err(|_| CellError::OutOfRange {
                    value: v.to_string(),
                    expected: "i64",
                })
        } else {
            Err(wrong("an integer (TINYINT to BIGINT)", &ty))
        }
    }
}

impl RawRow for MyCells<'_> {
    fn column_count(&self) -> usize {
        self.0.columns().len()
    }

    fn column_name(&self, idx: usize) -> Option<&str> {
        self.0.columns().get(idx).map(sqlx::Column::name)
    }

    fn is_null(&self, idx: usize) -> std::result::Result<bool, CellError> {
        Ok(self.cell(idx)?.is_none())
    }

    fn get_bool(&self, idx: usize) -> std::result::Result<Option<bool>, CellError> {
        // BOOLEAN is TINYINT(1) on MySQL: 0 and 1 are the only booleans, as
        // on SQLite.
        match self.int(idx)? {
            None => Ok(None),
            Some(0) => Ok(Some(false)),
            Some(1) => Ok(Some(true)),
            Some(v) => Err(CellError::OutOfRange {
                value: v.to_string(),
                expected: "bool",
            }),
        }
    }

    fn get_i16(&self, idx: usize) -> std::result::Result<Option<i16>, CellError> {
        self.int(idx)?.map(|v| narrow(v, "i16")).transpose()
    }

    fn get_i32(&self, idx: usize) -> std::result::Result<Option<i32>, CellError> {
        self.int(idx)?.map(|v| narrow(v, "i32")).transpose()
    }

    fn get_i64(&self, idx: usize) -> std::result::Result<Option<i64>, CellError> {
        self.int(idx)
    }

    fn get_duration(
        &self,
        idx: usize,
    ) -> std::result::Result<Option<crate::model::value::SqlDuration>, CellError> {
        Ok(self
            .int(idx)?
            .map(crate::model::value::SqlDuration::from_micros))
    }

    fn get_f32(&self, idx: usize) -> std::result::Result<Option<f32>, CellError> {
        // Read as f64 and narrow here: the driver's own f32 decoding turns a
        // DOUBLE beyond f32's range into infinity.
        self.get_f64(idx)?.map(narrow_f32).transpose()
    }

    fn get_f64(&self, idx: usize) -> std::result::Result<Option<f64>, CellError> {
        let Some(value) = self.cell(idx)? else {
            return Ok(None);
        };
        let ty = value.type_info();
        if <f64 as Type<MySql>>::compatible(&ty) {
            decode(value).map(Some)
        } else {
            Err(wrong("a float (FLOAT or DOUBLE)", &ty))
        }
    }

    fn get_string(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        let Some(value) = self.cell(idx)? else {
            return Ok(None);
        };
        let ty = value.type_info();
        if <String as Type<MySql>>::compatible(&ty) {
            decode(value).map(Some)
        } else {
            Err(wrong("text (VARCHAR, CHAR or TEXT)", &ty))
        }
    }

    fn get_bytes(&self, idx: usize) -> std::result::Result<Option<Vec<u8>>, CellError> {
        let Some(value) = self.cell(idx)? else {
            return Ok(None);
        };
        let ty = value.type_info();
        if <Vec<u8> as Type<MySql>>::compatible(&ty) {
            decode(value).map(Some)
        } else {
            Err(wrong("bytes (VARBINARY, BINARY or BLOB)", &ty))
        }
    }

    fn get_date(&self, idx: usize) -> std::result::Result<Option<SqlDate>, CellError> {
        self.typed_bytes(idx, &["DATE"], false, "DATE", my_types::date)
    }

    fn get_time(&self, idx: usize) -> std::result::Result<Option<SqlTime>, CellError> {
        self.typed_bytes(idx, &["TIME"], false, "TIME", my_types::time)
    }

    fn get_timestamp(&self, idx: usize) -> std::result::Result<Option<SqlTimestamp>, CellError> {
        self.typed_bytes(
            idx,
            &["DATETIME", "TIMESTAMP"],
            false,
            "DATETIME",
            my_types::timestamp,
        )
    }

    fn get_timestamptz(&self, idx: usize) -> std::result::Result<Option<SqlTimestamp>, CellError> {
        // Stored in UTC in a DATETIME column (MySQL has no type with a zone).
        self.get_timestamp(idx)
    }

    fn get_uuid(&self, idx: usize) -> std::result::Result<Option<[u8; 16]>, CellError> {
        // Sixteen raw bytes only from a binary column (its collation is
        // `binary`): in a text column they are sixteen characters, not a
        // UUID. Not by the type's name: sqlx names a text column of a
        // `_bin` collation (`CHAR(36) ascii_bin`, as `create_tables` makes
        // UUIDs) BINARY too, from the column's BINARY flag.
        self.typed_cell(idx, &[], true, "CHAR(36) or BINARY(16)", |b, ty| {
            my_types::uuid(b, !<str as Type<MySql>>::compatible(ty))
        })
    }

    fn get_decimal(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        self.typed_bytes(idx, &["DECIMAL"], false, "DECIMAL", my_types::decimal)
    }

    fn get_json(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        // MariaDB's JSON is LONGTEXT; MySQL's has a type of its own.
        self.typed_bytes(idx, &["JSON"], true, "JSON", my_types::json)
    }
}
