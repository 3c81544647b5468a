//! MySQL and MariaDB through sqlx: pass a `MySqlPool`, `&mut *connection`
//! or `&mut *transaction` to [`crate::Query::all_async`].
//!
//! A key list is one placeholder per key, split into statements of at most
//! 65,535 placeholders (the protocol counts them in 16 bits). A load with
//! prefetch levels runs in one `WITH CONSISTENT SNAPSHOT, READ ONLY`
//! transaction unless the connection is already in a transaction.

use std::sync::Arc;

use sqlx::error::BoxDynError;
use sqlx::mysql::{
    MySql, MySqlArguments, MySqlConnection, MySqlQueryResult, MySqlRow, MySqlTypeInfo,
    MySqlValueRef,
};
use sqlx::{Arguments, AssertSqlSafe, Decode, Executor as _, Row, Type, TypeInfo, ValueRef};

use crate::column::{CellError, RawRow, narrow};
use crate::error::Result;
use crate::exec::{Consistency, Job};
use crate::mysql_types as my_types;
use crate::query::Ctx;
use crate::sql::{Dialect, KeyBinding};
use crate::sqlx_exec::{Backend, Results, connection_executor};
use crate::value::{SqlDate, SqlTime, SqlTimestamp, Value};

impl Backend for MySql {
    const CTX: Ctx = Ctx {
        dialect: Dialect::Mysql,
        binding: KeyBinding::Expanded { max: 65_535 },
    };

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

    fn arguments(params: Vec<Value>) -> std::result::Result<MySqlArguments, String> {
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
        Ok((!value.is_null()).then_some(value))
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
        read(bytes).map(Some)
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

    fn get_f32(&self, idx: usize) -> std::result::Result<Option<f32>, CellError> {
        let Some(value) = self.cell(idx)? else {
            return Ok(None);
        };
        let ty = value.type_info();
        if <f32 as Type<MySql>>::compatible(&ty) {
            decode(value).map(Some)
        } else {
            Err(wrong("a float (FLOAT or DOUBLE)", &ty))
        }
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
        self.typed_bytes(idx, &[], true, "CHAR(36) or BINARY(16)", my_types::uuid)
    }

    fn get_decimal(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        self.typed_bytes(idx, &["DECIMAL"], false, "DECIMAL", my_types::decimal)
    }

    fn get_json(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        // MariaDB's JSON is LONGTEXT; MySQL's has a type of its own.
        self.typed_bytes(idx, &["JSON"], true, "JSON", my_types::json)
    }
}
