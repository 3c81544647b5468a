//! Text forms shared by the backends that store UUIDs and decimals as text
//! or receive them as text.

use crate::column::CellError;

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
        expected: "a UUID (32 hex digits, hyphenated as 8-4-4-4-12)",
        found: format!("{s:?}"),
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_forms() {
        let b = parse_uuid("67E55044-10b1-426f-9247-bb680e5fe0c8").unwrap();
        assert_eq!(uuid_text(&b), "67e55044-10b1-426f-9247-bb680e5fe0c8");
        assert_eq!(parse_uuid("67e5504410b1426f9247bb680e5fe0c8").unwrap(), b);
        for bad in ["", "67e55044-10b1-426f-9247-bb680e5fe0cz", "67e55044+10b1-426f-9247-bb680e5fe0c8", "é7e55044-10b1-426f-9247-bb680e5fe0c"] {
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
}
