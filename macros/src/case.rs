//! Names as the derive writes them: default SQL names derived from Rust
//! names, and Rust types as messages spell them.

use quote::{ToTokens, quote};
use syn::Ident;
use syn::ext::IdentExt;

/// `BlogPost` -> `blog_post`, `HTTPServer` -> `http_server`: the table and
/// key-column names a Django user would expect from the struct name.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).and_then(|p| chars.get(p));
            let next = chars.get(i + 1);
            let boundary = match prev {
                None | Some('_') => false,
                // An acronym ends where a capitalised word starts: `HTTPServer`.
                Some(p) if p.is_uppercase() => next.is_some_and(|n| n.is_lowercase()),
                Some(_) => true,
            };
            if boundary {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The name as written, without `r#`: `r#type` maps to the column `type`.
pub fn plain(ident: &Ident) -> String {
    ident.unraw().to_string()
}

/// `draft_post` -> `DraftPost`: trait names built from a field's name, and
/// the model a relation field is likely named after.
pub fn camel_case(name: &str) -> String {
    name.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let substitute = diagonal + usize::from(ca != *cb);
            let best = substitute
                .min(above.saturating_add(1))
                .min(left.saturating_add(1));
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = best;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// `ManyToMany<Tag>` rather than the token printer's `ManyToMany < Tag >`.
pub fn type_string(ty: impl ToTokens) -> String {
    let spaced = quote!(#ty).to_string();
    let mut out = String::with_capacity(spaced.len());
    let mut chars = spaced.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next = chars.peek().copied().unwrap_or(' ');
            let tight = matches!(next, '<' | '>' | ':' | ',') || matches!(prev, '<' | ':' | '&');
            if tight {
                continue;
            }
        }
        out.push(c);
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake() {
        assert_eq!(snake_case("Post"), "post");
        assert_eq!(snake_case("BlogPost"), "blog_post");
        assert_eq!(snake_case("HTTPServer"), "http_server");
        assert_eq!(snake_case("Post2Tag"), "post2_tag");
        assert_eq!(snake_case("Order_Item"), "order_item");
        assert_eq!(snake_case("A"), "a");
        assert_eq!(snake_case(""), "");
    }

    #[test]
    fn levenshtein() {
        assert_eq!(distance("primery_key", "primary_key"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("table", "table"), 0);
        assert_eq!(distance("colum", "column"), 1);
    }
}
