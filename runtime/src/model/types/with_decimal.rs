//! `rust_decimal::Decimal`: exact, never through a float. `NUMERIC` on
//! PostgreSQL, `DECIMAL(65, 28)` on MySQL (every `Decimal` fits: at most 28
//! fraction digits), text on SQLite.

use rust_decimal::Decimal;

use super::column_via;
use super::text::split_decimal;
use crate::error::CellError;
use crate::model::column::{Key, ordered};

fn from_text(s: String) -> Result<Decimal, CellError> {
    let Some((_, _, frac)) = split_decimal(&s) else {
        return Err(CellError::WrongType {
            expected: "a decimal number",
            found: format!("{s:?}"),
        });
    };
    // A fixed-scale column pads the fraction with zeros (MySQL's 28): drop
    // them, so a number with 29 integer digits still fits in 96 bits.
    let trimmed = if frac.is_empty() {
        s.as_str()
    } else {
        s.trim_end_matches('0').trim_end_matches('.')
    };
    Decimal::from_str_exact(trimmed).map_err(|_| CellError::OutOfRange {
        value: s.clone(),
        expected: "rust_decimal::Decimal (96-bit mantissa, at most 28 fraction digits)",
    })
}

column_via!(
    Decimal,
    Decimal,
    get_decimal,
    Decimal,
    |d: &Decimal| d.to_string(),
    from_text
);

#[diagnostic::do_not_recommend]
impl Key for Decimal {}
ordered!(Decimal);

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn text_forms() {
        let d = from_text("1.5000000000000000000000000000".into()).unwrap();
        assert_eq!(d, Decimal::from_str("1.5").unwrap());
        let big = "79228162514264337593543950335.0000000000000000000000000000";
        assert_eq!(from_text(big.into()).unwrap(), Decimal::MAX);
        assert!(from_text("79228162514264337593543950336".into()).is_err());
        assert!(from_text("1e5".into()).is_err());
        assert_eq!(from_text("100".into()).unwrap(), Decimal::from(100));
    }
}
