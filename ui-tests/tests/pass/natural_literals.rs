// Filters take the values a user writes: integer literals on every integer
// column type, `&str` on text columns (nullable or not), `is_in` over
// `&Vec<T>`, `&[T]`, arrays and iterators of `&T`.

#[derive(Clone, Debug, related::Model)]
pub struct Product {
    pub id: i64,
    pub tiny: i8,
    pub small: i16,
    pub medium: i32,
    pub byte: u8,
    pub word: u16,
    pub dword: u32,
    pub stock: Option<i16>,
    pub name: String,
    pub note: Option<String>,
}

fn main() {
    let ids: Vec<i64> = vec![1, 2, 3];
    let names = ["a", "b"];
    let owned = vec![String::from("a")];
    let filters = [
        Product::tiny().eq(1),
        Product::small().ge(4),
        Product::medium().lt(70_000),
        Product::byte().ne(255),
        Product::word().gt(1),
        Product::dword().le(4_000_000_000),
        Product::stock().eq(3),
        Product::stock().ge(3),
        Product::stock().eq(None),
        Product::name().eq("draft"),
        Product::name().lt("m"),
        Product::note().eq("draft"),
        Product::note().ne(Some("x".to_owned())),
        Product::id().is_in(&ids),
        Product::id().is_in(&ids[..2]),
        Product::id().is_in(ids.iter()),
        Product::id().is_in([1, 2]),
        Product::small().is_in(vec![1, 2]),
        Product::name().is_in(names),
        Product::name().is_in(names.iter()),
        Product::name().is_in(&owned),
        Product::note().is_in(["a"]),
    ];
    let query = filters
        .into_iter()
        .fold(Product::query(), |q, f| q.filter(f));
    let _ = query.filter(Product::id().eq(&7));
}
