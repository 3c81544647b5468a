//! Text forms shared by the backends that store UUIDs and decimals as text
//! or receive them as text.

use crate::error::CellError;

/// A UUID in its hyphenated lowercase form (36 characters).
pub(crate) fn uuid_text(b: &[u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        s.push(HEX[usize::from(byte >> 4)] as char);
        s.push(HEX[usize::from(byte & 15)] as char);
    }
    s
}

/// A UUID from hyphenated (36) or simple (32 hex digits) text, any case.
pub(crate) fn parse_uuid(s: &str) -> Result<[u8; 16], CellError> {
    let bad = || CellError::WrongType {
        expected: "a UUID (32 hex digits in one case, hyphenated as 8-4-4-4-12 or not)",
        found: format!("{s:?}"),
    };
    // Mixed case is refused: a filter or key list asks for each spelling a
    // UUID may be stored in (`plan::spellings`), and those are in one case.
    if s.bytes().any(|c| c.is_ascii_lowercase()) && s.bytes().any(|c| c.is_ascii_uppercase()) {
        return Err(bad());
    }
    let hex: Vec<u8> = match s.len() {
        36 => {
            let b = s.as_bytes();
            if [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
                return Err(bad());
            }
            b.iter().copied().filter(|&c| c != b'-').collect()
        }
        32 => s.as_bytes().to_vec(),
        _ => return Err(bad()),
    };
    if hex.len() != 32 {
        return Err(bad());
    }
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks_exact(2).enumerate() {
        let digit = |c: u8| (c as char).to_digit(16).ok_or_else(bad);
        out[i] = u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).map_err(|_| bad())?;
    }
    Ok(out)
}

/// Check that `s` is a plain decimal number (`-12.50`: sign, digits, an
/// optional fraction, no exponent) and split it into sign, integer digits
/// and fraction digits.
pub(crate) fn split_decimal(s: &str) -> Option<(bool, &str, &str)> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let digits = |p: &str| p.bytes().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    Some((negative, int, frac))
}

/// Numeric order of two decimal texts, exactly (`1.5` equals `1.50`, `9`
/// is below `10`): SQLite's collation for decimal columns, which it stores
/// as text. Text that is not a decimal sorts after every number, by bytes.
#[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
pub(crate) fn decimal_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (x, y) = match (split_decimal(a), split_decimal(b)) {
        (Some(x), Some(y)) => (x, y),
        (Some(_), None) => return Ordering::Less,
        (None, Some(_)) => return Ordering::Greater,
        (None, None) => return a.cmp(b),
    };
    let parts = |(neg, int, frac): (bool, &str, &str)| {
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        // Negative zero is zero.
        (
            neg && !(int.is_empty() && frac.is_empty()),
            int.to_owned(),
            frac.to_owned(),
        )
    };
    let (xn, xi, xf) = parts(x);
    let (yn, yi, yf) = parts(y);
    let magnitude = xi
        .len()
        .cmp(&yi.len())
        .then_with(|| xi.cmp(&yi))
        .then_with(|| xf.cmp(&yf));
    match (xn, yn) {
        (false, false) => magnitude,
        (true, true) => magnitude.reverse(),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_forms() {
        let b = parse_uuid("67E55044-10B1-426F-9247-BB680E5FE0C8").unwrap();
        assert_eq!(uuid_text(&b), "67e55044-10b1-426f-9247-bb680e5fe0c8");
        assert_eq!(parse_uuid("67e5504410b1426f9247bb680e5fe0c8").unwrap(), b);
        assert_eq!(parse_uuid("67E5504410B1426F9247BB680E5FE0C8").unwrap(), b);
        for bad in [
            "",
            // Mixed case: no filter could find it (see `plan::spellings`).
            "67E55044-10b1-426f-9247-bb680e5fe0c8",
            "67e55044-10b1-426f-9247-bb680e5fe0cz",
            "67e55044+10b1-426f-9247-bb680e5fe0c8",
            "é7e55044-10b1-426f-9247-bb680e5fe0c",
        ] {
            assert!(parse_uuid(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimal_forms() {
        assert_eq!(split_decimal("-12.50"), Some((true, "12", "50")));
        assert_eq!(split_decimal(".5"), Some((false, "", "5")));
        assert_eq!(split_decimal("1e5"), None);
        assert_eq!(split_decimal("-"), None);
    }

    #[test]
    fn decimal_order() {
        use std::cmp::Ordering::*;
        for (a, b, o) in [
            ("9", "10", Less),
            ("1.5", "1.50", Equal),
            ("-0", "0.000", Equal),
            ("-2", "-10", Greater),
            ("-1", "0.1", Less),
            ("0.12", "0.2", Less),
            ("007", "7.0", Equal),
            ("1", "abc", Less),
        ] {
            assert_eq!(decimal_cmp(a, b), o, "{a} vs {b}");
            assert_eq!(decimal_cmp(b, a), o.reverse(), "{b} vs {a}");
        }
    }
}
