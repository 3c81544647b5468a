//! `uuid::Uuid`: native `UUID` on PostgreSQL; on SQLite and MySQL the
//! hyphenated lowercase text (`CHAR(36)`), which sorts as the bytes do.

use uuid::Uuid;

use super::column_via;
use crate::error::CellError;
use crate::model::column::{Key, ordered};

column_via!(
    Uuid,
    Uuid,
    get_uuid,
    Uuid,
    |u: &Uuid| *u.as_bytes(),
    |b: [u8; 16]| Ok::<_, CellError>(Uuid::from_bytes(b))
);

#[diagnostic::do_not_recommend]
impl Key for Uuid {}
ordered!(Uuid);
