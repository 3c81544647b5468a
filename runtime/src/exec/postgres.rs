//! PostgreSQL through sqlx: pass a `PgPool`, `&mut *connection` or
//! `&mut *transaction` to [`crate::Query::all_async`].
//!
//! A key list is ONE array parameter (`= ANY($1)`), so one prepared
//! statement serves a prefetch of any size. A load with prefetch levels runs
//! in one `READ ONLY, REPEATABLE READ` transaction unless the server says
//! the connection is already in a transaction (asked in one round trip
//! before the BEGIN; the driver does not tell).

use std::sync::Arc;

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::types::Oid;
use sqlx::postgres::{
    PgArgumentBuffer, PgArguments, PgConnection, PgQueryResult, PgRow, PgTypeInfo, PgValueFormat,
    PgValueRef, Postgres,
};
use sqlx::{Arguments, AssertSqlSafe, Decode, Executor as _, Row, Type, TypeInfo, ValueRef};

use crate::error::CellError;
use crate::error::Result;
use crate::exec::executor::{Consistency, Job};
use crate::exec::postgres_types as pg_types;
use crate::exec::sqlx_exec::{Backend, Results, connection_executor};
use crate::model::column::{RawRow, narrow, narrow_f32};
use crate::model::value::{SqlDate, SqlTime, SqlTimestamp, Value};
use crate::plan::sql::{Ctx, Dialect, KeyBinding};

impl Backend for Postgres {
    const CTX: Ctx = Ctx {
        dialect: Dialect::Postgres,
        binding: KeyBinding::OneParameter,
    };

    // Messages are read whole or not at all (a length-prefixed message is
    // taken from the buffer only once all of it is there), and the driver
    // counts the ReadyForQuery answers it still owes itself. (It returns an
    // error it reads on the way, though: the rest of a cut statement is
    // read in the drop, see `Reading`.)
    const RESUMES_CUT_STATEMENT: bool = true;
    const FAILURE_ABORTS_TRANSACTION: bool = true;

    fn begin(consistency: Consistency) -> &'static str {
        match consistency {
            Consistency::Snapshot => "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            Consistency::None | Consistency::Atomic => "BEGIN",
        }
    }

    fn transaction_probe(_consistency: Consistency, _owned: bool) -> Option<&'static str> {
        // The driver keeps the transaction status the server sends with
        // every ReadyForQuery to itself, so the load asks. The first
        // statement of a transaction is the only one whose start is the
        // transaction's start: outside a transaction block this query is
        // that statement, inside one it comes after the BEGIN. Sent as a
        // simple query (one message, one round trip, nothing prepared).
        Some("SELECT (transaction_timestamp() <> statement_timestamp())::int")
    }

    fn begin_probing(consistency: Consistency) -> Option<&'static str> {
        // The begin and then the probe, in one plain-text message: the
        // probe is no longer the transaction's first statement if the
        // transaction was open before the message, and is otherwise (a
        // message's statements share its arrival time). Only on a
        // connection of the load's own: see `run_own_probed` for what the
        // begin's options do to a transaction already open.
        match consistency {
            Consistency::Snapshot => Some(
                "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; \
                 SELECT (transaction_timestamp() <> statement_timestamp())::int",
            ),
            // A plain BEGIN inside a transaction changes nothing.
            Consistency::None | Consistency::Atomic => {
                Some("BEGIN; SELECT (transaction_timestamp() <> statement_timestamp())::int")
            }
        }
    }

    fn refused_by_open_transaction(e: &sqlx::Error) -> bool {
        // active_sql_transaction: "SET TRANSACTION ISOLATION LEVEL must be
        // called before any query", from the begin's options inside a
        // transaction that already ran one.
        matches!(e, sqlx::Error::Database(db) if db.code().as_deref() == Some("25001"))
    }

    fn refused_in_transaction(_e: &sqlx::Error) -> bool {
        // PostgreSQL accepts a BEGIN inside a transaction (with a warning),
        // so the probe above decides before any BEGIN is sent.
        false
    }

    fn stale_statement(e: &sqlx::Error) -> bool {
        // "cached plan must not change result type" (feature_not_supported):
        // a prepared statement outlived a change of a column's type.
        match e {
            sqlx::Error::Database(db) => {
                db.code().as_deref() == Some("0A000") && db.message().contains("cached plan")
            }
            _ => false,
        }
    }

    fn closes_connection(e: &dyn sqlx::error::DatabaseError) -> bool {
        // A FATAL (or PANIC) error ends the session whatever its code: an
        // idle-in-transaction or transaction timeout (25P03, 25P04), an
        // administrator's terminate (57P01), a shutdown. Not its code's
        // class: a class-08 error at ERROR severity (08P01, a bind message
        // with the wrong number of parameters) leaves the session as it
        // was. Class 57P0 is named as well, FATAL or not.
        let fatal = e
            .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
            .is_some_and(|e| {
                matches!(
                    e.severity(),
                    sqlx::postgres::PgSeverity::Fatal | sqlx::postgres::PgSeverity::Panic
                )
            });
        fatal || e.code().is_some_and(|code| code.starts_with("57P0"))
    }

    fn arguments(params: Vec<Value>) -> std::result::Result<PgArguments, String> {
        crate::exec::sqlx_exec::within_parameter_limit(&params, "PostgreSQL")?;
        let mut args = PgArguments::default();
        for value in params {
            add(&mut args, value).map_err(|e| e.to_string())?;
        }
        Ok(args)
    }

    fn cacheable(params: &[Value]) -> bool {
        // A NULL is sent untyped, so the server infers its type from the
        // statement; a statement prepared that way must not be reused for a
        // typed value in the same slot (sqlx caches by SQL text alone).
        !params.iter().any(Value::is_null)
    }

    fn send<'c>(
        conn: &'c mut PgConnection,
        sql: Arc<str>,
        args: Option<PgArguments>,
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

    fn rows_affected(result: &PgQueryResult) -> u64 {
        result.rows_affected()
    }

    fn accept(row: &PgRow, job: &mut dyn Job) -> Result<()> {
        job.accept_row(&PgCells(row))
    }
}

connection_executor!(Postgres, PgConnection);

fn add(args: &mut PgArguments, value: Value) -> std::result::Result<(), BoxDynError> {
    match value {
        Value::Null => args.add(Untyped),
        Value::Bool(v) => args.add(v),
        Value::I64(v) => args.add(v),
        Value::F64(v) => args.add(v),
        Value::Text(v) => args.add(v),
        Value::Bytes(v) => args.add(v),
        Value::List(items) => add_array(args, items),
        Value::Date(_)
        | Value::Time(_)
        | Value::Timestamp(_)
        | Value::TimestampTz(_)
        | Value::Duration(_)
        | Value::Uuid(_)
        | Value::Decimal(_)
        | Value::Json(_) => pg_types::add(args, &value),
    }
}

/// A key list as one typed array. Integer keys go as BIGINT[]: `int4 =
/// ANY(int8[])` uses the same btree index (the integer operator family
/// compares across widths).
fn add_array(args: &mut PgArguments, items: Vec<Value>) -> std::result::Result<(), BoxDynError> {
    fn all<T>(
        items: Vec<Value>,
        kind: &str,
        f: impl Fn(Value) -> Option<T>,
    ) -> std::result::Result<Vec<T>, BoxDynError> {
        items
            .into_iter()
            .map(|v| f(v).ok_or_else(|| format!("a key list mixes {kind} with other types").into()))
            .collect()
    }
    match items.first() {
        None | Some(Value::I64(_)) => args.add(all(items, "integers", |v| match v {
            Value::I64(i) => Some(i),
            _ => None,
        })?),
        Some(Value::Text(_)) => args.add(all(items, "text", |v| match v {
            Value::Text(s) => Some(s),
            _ => None,
        })?),
        Some(Value::Bytes(_)) => args.add(all(items, "bytes", |v| match v {
            Value::Bytes(b) => Some(b),
            _ => None,
        })?),
        Some(Value::Bool(_)) => args.add(all(items, "booleans", |v| match v {
            Value::Bool(b) => Some(b),
            _ => None,
        })?),
        Some(Value::F64(_)) => args.add(all(items, "floats", |v| match v {
            Value::F64(f) => Some(f),
            _ => None,
        })?),
        Some(Value::Null) | Some(Value::List(_)) => {
            Err("a key list holds NULL or a nested list".into())
        }
        Some(_) => pg_types::add_array(args, &items),
    }
}

/// NULL with no declared type (OID 0): the server gives it the type its
/// place in the statement needs, as it does for a literal NULL.
struct Untyped;

impl Type<Postgres> for Untyped {
    fn type_info() -> PgTypeInfo {
        PgTypeInfo::with_oid(Oid(0))
    }
}

impl sqlx::Encode<'_, Postgres> for Untyped {
    fn encode_by_ref(
        &self,
        _buf: &mut PgArgumentBuffer,
    ) -> std::result::Result<IsNull, BoxDynError> {
        Ok(IsNull::Yes)
    }
}

// Built-in type OIDs (pg_type.dat); stable across servers.
const BOOL: u32 = 16;
const BYTEA: u32 = 17;
const NAME: u32 = 19;
const INT8: u32 = 20;
const INT2: u32 = 21;
const INT4: u32 = 23;
const TEXT: u32 = 25;
const FLOAT4: u32 = 700;
const FLOAT8: u32 = 701;
const BPCHAR: u32 = 1042;
const VARCHAR: u32 = 1043;

/// A PostgreSQL row read by column position. PostgreSQL sends each column
/// in its own type, so each getter accepts the column types its Rust type
/// can hold (narrowing checked) and names the column's type otherwise.
struct PgCells<'r>(&'r PgRow);

fn decode<'r, T: Decode<'r, Postgres>>(value: PgValueRef<'r>) -> std::result::Result<T, CellError> {
    T::decode(value).map_err(|e| CellError::Driver(e.to_string()))
}

fn wrong(expected: &'static str, ty: &PgTypeInfo) -> CellError {
    CellError::WrongType {
        expected,
        found: ty.name().to_owned(),
    }
}

fn cell_error(e: sqlx::Error) -> CellError {
    match e {
        sqlx::Error::ColumnIndexOutOfBounds { index, .. } => CellError::NoSuchColumn(index),
        e => CellError::Driver(e.to_string()),
    }
}

/// The OID of a cell's column (0 for a type declared by name only).
#[inline]
fn oid_of(value: &PgValueRef<'_>) -> u32 {
    value.type_info().oid().map_or(0, |o| o.0)
}

impl PgCells<'_> {
    /// The cell and its column's type OID, or None for NULL.
    #[inline]
    fn cell(&self, idx: usize) -> std::result::Result<Option<(PgValueRef<'_>, u32)>, CellError> {
        let value = self.0.try_get_raw(idx).map_err(cell_error)?;
        if value.is_null() {
            return Ok(None);
        }
        let oid = oid_of(&value);
        Ok(Some((value, oid)))
    }

    /// An integer cell. A prepared statement's rows come in the binary
    /// format: a big-endian integer of its column's width, read here in
    /// place; a plain-text query's rows (and anything unexpected) take
    /// sqlx's decoder.
    #[inline]
    fn int(&self, idx: usize) -> std::result::Result<Option<i64>, CellError> {
        let value = self.0.try_get_raw(idx).map_err(cell_error)?;
        let Some(bytes) = value.as_bytes().ok() else {
            return Ok(None);
        };
        let oid = oid_of(&value);
        if value.format() == PgValueFormat::Binary {
            match oid {
                INT8 => {
                    if let Ok(b) = <[u8; 8]>::try_from(bytes) {
                        return Ok(Some(i64::from_be_bytes(b)));
                    }
                }
                INT4 => {
                    if let Ok(b) = <[u8; 4]>::try_from(bytes) {
                        return Ok(Some(i32::from_be_bytes(b).into()));
                    }
                }
                INT2 => {
                    if let Ok(b) = <[u8; 2]>::try_from(bytes) {
                        return Ok(Some(i16::from_be_bytes(b).into()));
                    }
                }
                _ => {}
            }
        }
        int_decoded(value, oid).map(Some)
    }

    fn float(&self, idx: usize) -> std::result::Result<Option<f64>, CellError> {
        let Some((value, oid)) = self.cell(idx)? else {
            return Ok(None);
        };
        match oid {
            FLOAT8 => decode::<f64>(value),
            FLOAT4 => decode::<f32>(value).map(f64::from),
            _ => Err(wrong(
                "a float (REAL or DOUBLE PRECISION)",
                &value.type_info(),
            )),
        }
        .map(Some)
    }
}

/// An integer cell through sqlx's decoder (text format, or not an integer
/// column: then the error names the column's type).
#[inline(never)]
fn int_decoded(value: PgValueRef<'_>, oid: u32) -> std::result::Result<i64, CellError> {
    match oid {
        INT8 => decode::<i64>(value),
        INT4 => decode::<i32>(value).map(i64::from),
        INT2 => decode::<i16>(value).map(i64::from),
        _ => Err(wrong(
            "an integer (SMALLINT, INTEGER or BIGINT)",
            &value.type_info(),
        )),
    }
}

/// A text cell of a column that is not one of the built-in text types:
/// an extension's (citext, no fixed OID) or a wrong type.
#[inline(never)]
fn other_text(value: PgValueRef<'_>) -> std::result::Result<String, CellError> {
    let ty = value.type_info().into_owned();
    if <String as Type<Postgres>>::compatible(&ty) {
        decode(value)
    } else {
        Err(wrong("text (TEXT, VARCHAR or CHAR)", &ty))
    }
}

impl RawRow for PgCells<'_> {
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
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, BOOL)) => decode(value).map(Some),
            Some((value, _)) => Err(wrong("BOOLEAN", &value.type_info())),
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
        // As on SQLite, a DOUBLE PRECISION read into f32 is rounded, and
        // one beyond f32's range is an error.
        self.float(idx)?.map(narrow_f32).transpose()
    }

    fn get_f64(&self, idx: usize) -> std::result::Result<Option<f64>, CellError> {
        self.float(idx)
    }

    fn get_string(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        let value = self.0.try_get_raw(idx).map_err(cell_error)?;
        let Some(bytes) = value.as_bytes().ok() else {
            return Ok(None);
        };
        match oid_of(&value) {
            // Text is sent the same way in both formats: UTF-8, as is.
            TEXT | VARCHAR | BPCHAR | NAME => match std::str::from_utf8(bytes) {
                Ok(text) => Ok(Some(text.to_owned())),
                Err(e) => Err(CellError::Driver(e.to_string())),
            },
            _ => other_text(value).map(Some),
        }
    }

    fn get_bytes(&self, idx: usize) -> std::result::Result<Option<Vec<u8>>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, BYTEA)) => decode(value).map(Some),
            Some((value, _)) => Err(wrong("BYTEA", &value.type_info())),
        }
    }

    fn get_date(&self, idx: usize) -> std::result::Result<Option<SqlDate>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, pg_types::DATE)) => pg_types::date(value).map(Some),
            Some((value, _)) => Err(wrong("DATE", &value.type_info())),
        }
    }

    fn get_time(&self, idx: usize) -> std::result::Result<Option<SqlTime>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, pg_types::TIME)) => pg_types::time(value).map(Some),
            Some((value, _)) => Err(wrong("TIME", &value.type_info())),
        }
    }

    fn get_timestamp(&self, idx: usize) -> std::result::Result<Option<SqlTimestamp>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, pg_types::TIMESTAMP)) => pg_types::timestamp(value, false).map(Some),
            Some((value, _)) => Err(wrong("TIMESTAMP", &value.type_info())),
        }
    }

    fn get_duration(
        &self,
        idx: usize,
    ) -> std::result::Result<Option<crate::model::value::SqlDuration>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, pg_types::INTERVAL)) => pg_types::interval(value).map(Some),
            Some((value, _)) => Err(wrong("INTERVAL", &value.type_info())),
        }
    }

    fn get_timestamptz(&self, idx: usize) -> std::result::Result<Option<SqlTimestamp>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, pg_types::TIMESTAMPTZ)) => pg_types::timestamp(value, true).map(Some),
            Some((value, _)) => Err(wrong("TIMESTAMPTZ", &value.type_info())),
        }
    }

    fn get_uuid(&self, idx: usize) -> std::result::Result<Option<[u8; 16]>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, pg_types::UUID)) => pg_types::uuid(value).map(Some),
            Some((value, _)) => Err(wrong("UUID", &value.type_info())),
        }
    }

    fn get_decimal(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, pg_types::NUMERIC)) => pg_types::numeric(value).map(Some),
            Some((value, _)) => Err(wrong("NUMERIC", &value.type_info())),
        }
    }

    fn get_json(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        match self.cell(idx)? {
            None => Ok(None),
            Some((value, oid @ (pg_types::JSONB | pg_types::JSON))) => {
                pg_types::json(value, oid).map(Some)
            }
            Some((value, _)) => Err(wrong("JSONB or JSON", &value.type_info())),
        }
    }
}
