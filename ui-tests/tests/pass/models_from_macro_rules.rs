// Models declared by a `macro_rules!` whose names, field names, types,
// table and `reverse` path come in as fragments: the derive reads a
// `$t:literal` through its invisible group, and its `self` stays the
// method's whatever span the user's tokens carry.
use related::prelude::*;
macro_rules! model_rev {
    ($name:ident, $child:ident, $t:literal, $f:ident: $ty:ty, $fk:ident, $kids:ident, $tag:ident, $tags:ident) => {
        #[derive(Clone, Debug, Model)]
        #[related(table = $t)]
        pub struct $name { pub id: i64, pub $f: $ty, #[related(reverse = $child::$fk)] pub $kids: Reverse<$child> }
        #[derive(Clone, Debug, Model)]
        #[related(table = "m_kid")]
        pub struct $child { pub id: i64, pub $fk: ForeignKey<$name>, pub other: Option<ForeignKey<$name>>, pub $tags: ManyToMany<$tag>, pub n: Counted<$tag> }
        #[derive(Clone, Debug, Model)]
        pub struct $tag { pub id: i64, pub $f: $ty }
    };
}
model_rev!(Par, Kid, "m_par", label: String, par, kids, Tag, tags);
fn main() {
    let db = related::Sqlite::open_in_memory().unwrap();
    db.create_tables(&[Par::info(), Kid::info(), Tag::info()]).unwrap();
    db.insert(&Par { id: 1, label: "a".into(), kids: Default::default() }).unwrap();
    db.insert(&Tag { id: 1, label: "t".into() }).unwrap();
    db.insert(&Kid { id: 1, par: ForeignKey::new(1), other: Some(ForeignKey::new(1)), tags: ManyToMany::new(), n: Default::default() }).unwrap();
    db.link(Kid::tags(), &1, &1).unwrap();
    let p = Par::query().prefetch_related(Par::kids().then(Kid::tags())).fetch(&db).unwrap();
    let k = Kid::query().select_related(Kid::par()).select_related(Kid::other()).prefetch_related(Kid::tags()).count_related(Kid::tags(), Kid::n()).fetch(&db).unwrap();
    assert_eq!(Par::info().table, "m_par");
    assert_eq!(p[0].kids().len(), 1);
    assert_eq!(p[0].kids()[0].tags()[0].label, "t");
    assert_eq!((k[0].par().label.as_str(), k[0].other().map(|o| o.label.as_str())), ("a", Some("a")));
    assert_eq!(k[0].n(), 1);
    let _ = Par::query().filter(Par::label().eq("a")).filter(Par::kids().any(Kid::tags().any(Tag::label().eq("t"))));
}
