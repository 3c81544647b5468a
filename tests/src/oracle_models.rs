//! The correctness oracle's schema: one model set holding every relation
//! kind, and the tables the oracle needs to drive it from data.
//!
//! | relation                | kind                                      |
//! |-------------------------|-------------------------------------------|
//! | `Author.country`        | ForeignKey                                |
//! | `Author.mentor`         | nullable self ForeignKey                  |
//! | `Post.author`           | ForeignKey                                |
//! | `Post.editor`           | nullable ForeignKey (same target as author) |
//! | `Comment.post`          | ForeignKey                                |
//! | `Profile.author`        | OneToOne                                  |
//! | `Cover.post`            | nullable OneToOne                         |
//! | `Post.tags`             | ManyToMany, automatic through table       |
//! | `Author.favorites`      | ManyToMany, explicit through table and columns |
//! | `Tag.similar`           | self ManyToMany                           |
//! | `Country.authors`, `Author.posts`, `Author.mentees`, `Post.comments` | Reverse of a ForeignKey |
//! | `Author.profile`, `Post.cover` | ReverseOne of a OneToOne           |
//! | `Tag.posts`, `Tag.fans`, `Tag.similar_of` | Reverse of a ManyToMany |
//! | `*.top_*`, `Post.people`, ... | Prefetched targets (`Prefetch::to`) |
//!
//! Besides the models, this file maps the oracle's plain-data names of
//! relations ([`Rel`]), targets ([`To`]) and columns to the typed handles
//! (through [`OracleModel::visit`]), and gives each relation the SQL a naive
//! loader sends to load it for ONE parent row ([`Naive`]). That SQL is
//! written by hand here from the table layout, not taken from the runtime.

use std::fmt::Debug;

use related::prelude::*;
use related::{Chain, Path, SingleValued};
use related::{Col, Column, Filter, ModelInfo, Order, PrefetchTarget, Relation, RelationField};

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "o_country")]
pub struct Country {
    pub id: i64,
    pub name: String,
    #[related(reverse = Author::country)]
    pub authors: Reverse<Author>,
    pub top_authors: Prefetched<Author>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "o_author")]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub rank: Option<i64>,
    pub country: ForeignKey<Country>,
    pub mentor: Option<ForeignKey<Author>>,
    #[related(
        through = "o_author_favorite",
        source_column = "fan_id",
        target_column = "fav_id"
    )]
    pub favorites: ManyToMany<Tag>,
    #[related(reverse = Author::mentor)]
    pub mentees: Reverse<Author>,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
    #[related(reverse = Profile::author)]
    pub profile: ReverseOne<Profile>,
    pub top_posts: Prefetched<Post>,
    pub some_tags: Prefetched<Tag>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "o_profile")]
pub struct Profile {
    pub id: i64,
    pub bio: Option<String>,
    pub author: OneToOne<Author>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "o_post")]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub score: Option<i64>,
    pub author: ForeignKey<Author>,
    pub editor: Option<ForeignKey<Author>>,
    pub tags: ManyToMany<Tag>,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
    #[related(reverse = Cover::post)]
    pub cover: ReverseOne<Cover>,
    pub top_tags: Prefetched<Tag>,
    /// Filled from `author` or `editor` (two relations, one target field).
    pub people: Prefetched<Author>,
    pub some_comments: Prefetched<Comment>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "o_tag")]
pub struct Tag {
    pub id: i64,
    pub name: String,
    pub similar: ManyToMany<Tag>,
    #[related(reverse = Tag::similar)]
    pub similar_of: Reverse<Tag>,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
    #[related(reverse = Author::favorites)]
    pub fans: Reverse<Author>,
    pub top_posts: Prefetched<Post>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "o_comment")]
pub struct Comment {
    pub id: i64,
    pub body: String,
    pub votes: i64,
    pub post: ForeignKey<Post>,
    pub post_copy: Prefetched<Post>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "o_cover")]
pub struct Cover {
    pub id: i64,
    pub caption: String,
    pub post: Option<OneToOne<Post>>,
}

/// Every oracle model, parents before children.
pub fn models() -> Vec<&'static ModelInfo> {
    vec![
        Country::info(),
        Author::info(),
        Profile::info(),
        Post::info(),
        Tag::info(),
        Comment::info(),
        Cover::info(),
    ]
}

/// Every table the oracle writes, children before parents (the order to
/// empty them in).
pub const TABLES_CHILDREN_FIRST: &[&str] = &[
    "o_post_tags",
    "o_author_favorite",
    "o_tag_similar",
    "o_cover",
    "o_comment",
    "o_profile",
    "o_post",
    "o_tag",
    "o_author",
    "o_country",
];

/// The models, as plain data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mdl {
    Country,
    Author,
    Profile,
    Post,
    Tag,
    Comment,
    Cover,
}

impl Mdl {
    pub const ALL: [Mdl; 7] = [
        Mdl::Country,
        Mdl::Author,
        Mdl::Profile,
        Mdl::Post,
        Mdl::Tag,
        Mdl::Comment,
        Mdl::Cover,
    ];

    pub fn info(self) -> &'static ModelInfo {
        match self {
            Mdl::Country => Country::info(),
            Mdl::Author => Author::info(),
            Mdl::Profile => Profile::info(),
            Mdl::Post => Post::info(),
            Mdl::Tag => Tag::info(),
            Mdl::Comment => Comment::info(),
            Mdl::Cover => Cover::info(),
        }
    }
}

/// The relations, as plain data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rel {
    CountryAuthors,
    AuthorCountry,
    AuthorMentor,
    AuthorFavorites,
    AuthorMentees,
    AuthorPosts,
    AuthorProfile,
    ProfileAuthor,
    PostAuthor,
    PostEditor,
    PostTags,
    PostComments,
    PostCover,
    TagSimilar,
    TagSimilarOf,
    TagPosts,
    TagFans,
    CommentPost,
    CoverPost,
}

/// What the oracle needs to know about a relation to generate lookups.
pub struct RelMeta {
    pub source: Mdl,
    pub target: Mdl,
    /// Loadable by select_related (ForeignKey, OneToOne, ReverseOne).
    pub single: bool,
}

impl Rel {
    pub const ALL: [Rel; 19] = [
        Rel::CountryAuthors,
        Rel::AuthorCountry,
        Rel::AuthorMentor,
        Rel::AuthorFavorites,
        Rel::AuthorMentees,
        Rel::AuthorPosts,
        Rel::AuthorProfile,
        Rel::ProfileAuthor,
        Rel::PostAuthor,
        Rel::PostEditor,
        Rel::PostTags,
        Rel::PostComments,
        Rel::PostCover,
        Rel::TagSimilar,
        Rel::TagSimilarOf,
        Rel::TagPosts,
        Rel::TagFans,
        Rel::CommentPost,
        Rel::CoverPost,
    ];

    pub fn meta(self) -> RelMeta {
        use Mdl::*;
        let (source, target, single) = match self {
            Rel::CountryAuthors => (Country, Author, false),
            Rel::AuthorCountry => (Author, Country, true),
            Rel::AuthorMentor => (Author, Author, true),
            Rel::AuthorFavorites => (Author, Tag, false),
            Rel::AuthorMentees => (Author, Author, false),
            Rel::AuthorPosts => (Author, Post, false),
            Rel::AuthorProfile => (Author, Profile, true),
            Rel::ProfileAuthor => (Profile, Author, true),
            Rel::PostAuthor => (Post, Author, true),
            Rel::PostEditor => (Post, Author, true),
            Rel::PostTags => (Post, Tag, false),
            Rel::PostComments => (Post, Comment, false),
            Rel::PostCover => (Post, Cover, true),
            Rel::TagSimilar => (Tag, Tag, false),
            Rel::TagSimilarOf => (Tag, Tag, false),
            Rel::TagPosts => (Tag, Post, false),
            Rel::TagFans => (Tag, Author, false),
            Rel::CommentPost => (Comment, Post, true),
            Rel::CoverPost => (Cover, Post, true),
        };
        RelMeta {
            source,
            target,
            single,
        }
    }

    /// The forward relation whose field this reverse foreign key or
    /// reverse one-to-one fills in its children (their back reference):
    /// `Author.posts` fills each post's `author`.
    pub fn back_ref(self) -> Option<Rel> {
        match self {
            Rel::CountryAuthors => Some(Rel::AuthorCountry),
            Rel::AuthorMentees => Some(Rel::AuthorMentor),
            Rel::AuthorPosts => Some(Rel::PostAuthor),
            Rel::AuthorProfile => Some(Rel::ProfileAuthor),
            Rel::PostComments => Some(Rel::CommentPost),
            Rel::PostCover => Some(Rel::CoverPost),
            _ => None,
        }
    }

    /// The relation's field name (Django's lookup segment).
    pub fn name(self) -> &'static str {
        match self {
            Rel::CountryAuthors => "authors",
            Rel::AuthorCountry => "country",
            Rel::AuthorMentor => "mentor",
            Rel::AuthorFavorites => "favorites",
            Rel::AuthorMentees => "mentees",
            Rel::AuthorPosts => "posts",
            Rel::AuthorProfile => "profile",
            Rel::ProfileAuthor => "author",
            Rel::PostAuthor => "author",
            Rel::PostEditor => "editor",
            Rel::PostTags => "tags",
            Rel::PostComments => "comments",
            Rel::PostCover => "cover",
            Rel::TagSimilar => "similar",
            Rel::TagSimilarOf => "similar_of",
            Rel::TagPosts => "posts",
            Rel::TagFans => "fans",
            Rel::CommentPost => "post",
            Rel::CoverPost => "post",
        }
    }

    /// The relations of model `m`.
    pub fn of(m: Mdl) -> Vec<Rel> {
        Rel::ALL
            .into_iter()
            .filter(|r| r.meta().source == m)
            .collect()
    }
}

/// The `Prefetched` target fields, as plain data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum To {
    CountryTopAuthors,
    AuthorTopPosts,
    AuthorSomeTags,
    PostTopTags,
    PostPeople,
    PostSomeComments,
    TagTopPosts,
    CommentPostCopy,
}

impl To {
    pub const ALL: [To; 8] = [
        To::CountryTopAuthors,
        To::AuthorTopPosts,
        To::AuthorSomeTags,
        To::PostTopTags,
        To::PostPeople,
        To::PostSomeComments,
        To::TagTopPosts,
        To::CommentPostCopy,
    ];

    /// The relations whose rows this field can hold.
    pub fn relations(self) -> &'static [Rel] {
        match self {
            To::CountryTopAuthors => &[Rel::CountryAuthors],
            To::AuthorTopPosts => &[Rel::AuthorPosts],
            To::AuthorSomeTags => &[Rel::AuthorFavorites],
            To::PostTopTags => &[Rel::PostTags],
            To::PostPeople => &[Rel::PostAuthor, Rel::PostEditor],
            To::PostSomeComments => &[Rel::PostComments],
            To::TagTopPosts => &[Rel::TagPosts],
            To::CommentPostCopy => &[Rel::CommentPost],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            To::CountryTopAuthors => "top_authors",
            To::AuthorTopPosts => "top_posts",
            To::AuthorSomeTags => "some_tags",
            To::PostTopTags => "top_tags",
            To::PostPeople => "people",
            To::PostSomeComments => "some_comments",
            To::TagTopPosts => "top_posts",
            To::CommentPostCopy => "post_copy",
        }
    }

    /// The targets relation `rel` can be loaded into.
    pub fn for_rel(rel: Rel) -> Vec<To> {
        To::ALL
            .into_iter()
            .filter(|t| t.relations().contains(&rel))
            .collect()
    }
}

/// A literal in a generated filter.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Null,
    Int(i64),
    Text(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// One condition on one column.
#[derive(Clone, Debug, PartialEq)]
pub enum Leaf {
    Cmp(Op, Val),
    In(Vec<Val>),
    /// `IS NULL` (false) / `IS NOT NULL` (true).
    IsNull(bool),
    Like(String),
}

/// A field's relation value, as the runtime's setters see it.
pub type FieldFn<S, T> = fn(&mut S) -> &mut dyn RelationField<T>;

/// How the naive loader loads one relation for ONE parent row: `sql` takes
/// the parent's key as its only parameter (`?`, SQLite form: the harness
/// translates it) and selects the target table's columns in declaration
/// order.
pub struct Naive<S, T> {
    pub sql: &'static str,
    /// The parent's key for `sql` (None: a NULL foreign key).
    pub key: fn(&S) -> Option<i64>,
    /// The relation's own field on the parent.
    pub field: FieldFn<S, T>,
}

impl<S, T> Clone for Naive<S, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S, T> Copy for Naive<S, T> {}

/// Receives the typed handle of a relation named by a [`Rel`].
pub trait RelVisitor<S: OracleModel>: Sized {
    type Out;

    /// Any relation.
    fn many<R>(self, rel: R, naive: Naive<S, R::Target>) -> Self::Out
    where
        R: Relation<Source = S>,
        R::Target: OracleModel;

    /// A relation select_related can follow (`many` unless overridden).
    fn single<R>(self, rel: R, naive: Naive<S, R::Target>) -> Self::Out
    where
        R: Relation<Source = S> + SingleValued,
        R::Target: OracleModel,
    {
        self.many(rel, naive)
    }

    /// A relation loaded into a `Prefetched` field of its own. Only the
    /// visitors that build `Prefetch` levels take one; for the others
    /// (select_related chains, paths) the generator never asks.
    fn to<R, A>(
        self,
        rel: R,
        target: A,
        naive: Naive<S, R::Target>,
        field: FieldFn<S, R::Target>,
    ) -> Self::Out
    where
        R: Relation<Source = S>,
        R::Target: OracleModel,
        A: PrefetchTarget<Source = S, Item = R::Target> + related::TargetFor<S, R::Target>,
    {
        let _ = (rel, target, naive, field);
        panic!(
            "the generator produced a target field where `{}` cannot take one",
            std::any::type_name::<Self>()
        )
    }
}

/// A model of the oracle's schema: its relations, columns and filters by
/// plain-data name.
pub trait OracleModel: Model<Pk = i64> + PartialEq + Debug {
    const ID: Mdl;

    /// Hand `v` the typed handle of relation `rel` of this model, with the
    /// `Prefetched` field `to` when given. Panics on a relation of another
    /// model or a target the relation cannot fill (a generator bug).
    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out;

    /// The typed filter `leaf` on `column`.
    fn leaf(column: &str, leaf: &Leaf) -> Filter<Self>;

    /// The typed order term on `column`.
    fn order(column: &str, desc: bool) -> Order<Self>;

    /// Hand `v` the self relation `rel` of this model repeated `n` times
    /// (1..=5) as one typed chain: how lookups grow to eight hops without
    /// the compiler instantiating every walk of the schema. Panics for a
    /// model without self relations (a generator bug).
    fn spine<V: SpineVisitor<Self>>(rel: Rel, n: usize, v: V) -> V::Out {
        let _ = (n, v);
        unknown(Self::ID, rel, None)
    }
}

/// Receives a chain of one self relation repeated (see
/// [`OracleModel::spine`]).
pub trait SpineVisitor<M: OracleModel>: Sized {
    type Out;

    /// Any self relation.
    fn chain<P: Path<Source = M, Target = M>>(self, path: P) -> Self::Out;

    /// A single-valued one (`chain` unless overridden).
    fn single_chain<P>(self, path: P) -> Self::Out
    where
        P: Path<Source = M, Target = M> + SingleValued,
    {
        self.chain(path)
    }
}

/// The self relations of model `m`: the hops a lookup may repeat.
pub fn spines(m: Mdl) -> Vec<Rel> {
    Rel::of(m)
        .into_iter()
        .filter(|r| r.meta().target == m)
        .collect()
}

/// `r` repeated `n` times (1..=5), right-nested as `then` builds it.
fn repeat<M: OracleModel, R, V>(r: R, n: usize, v: V) -> V::Out
where
    R: Relation<Source = M, Target = M>,
    V: SpineVisitor<M>,
{
    match n {
        1 => v.chain(r),
        2 => v.chain(Chain::new(r, r)),
        3 => v.chain(Chain::new(r, Chain::new(r, r))),
        4 => v.chain(Chain::new(r, Chain::new(r, Chain::new(r, r)))),
        5 => v.chain(Chain::new(
            r,
            Chain::new(r, Chain::new(r, Chain::new(r, r))),
        )),
        _ => panic!("a spine of {n} hops"),
    }
}

/// [`repeat`] for a single-valued relation (a select_related chain).
fn repeat_single<M: OracleModel, R, V>(r: R, n: usize, v: V) -> V::Out
where
    R: Relation<Source = M, Target = M> + SingleValued,
    V: SpineVisitor<M>,
{
    match n {
        1 => v.single_chain(r),
        2 => v.single_chain(Chain::new(r, r)),
        3 => v.single_chain(Chain::new(r, Chain::new(r, r))),
        4 => v.single_chain(Chain::new(r, Chain::new(r, Chain::new(r, r)))),
        5 => v.single_chain(Chain::new(
            r,
            Chain::new(r, Chain::new(r, Chain::new(r, r))),
        )),
        _ => panic!("a spine of {n} hops"),
    }
}

/// Typed filters from plain data, per column type.
pub trait LeafOf<M> {
    fn leaf_of(self, leaf: &Leaf) -> Filter<M>;
}

fn int(v: &Val) -> i64 {
    match v {
        Val::Int(i) => *i,
        other => panic!("an integer column compared with {other:?}"),
    }
}

fn text(v: &Val) -> String {
    match v {
        Val::Text(s) => s.clone(),
        other => panic!("a text column compared with {other:?}"),
    }
}

fn cmp<M: Model, T: Column + related::Ordered, N>(
    c: Col<M, T, N>,
    op: Op,
    v: T::NotNull,
) -> Filter<M>
where
    T::NotNull: related::Operand<T, N>,
{
    match op {
        Op::Eq => c.eq(v),
        Op::Ne => c.ne(v),
        Op::Lt => c.lt(v),
        Op::Le => c.le(v),
        Op::Gt => c.gt(v),
        Op::Ge => c.ge(v),
    }
}

impl<M: Model, N> LeafOf<M> for Col<M, i64, N> {
    fn leaf_of(self, leaf: &Leaf) -> Filter<M> {
        match leaf {
            Leaf::Cmp(op, v) => cmp(self, *op, int(v)),
            Leaf::In(vs) => self.is_in(vs.iter().map(int)),
            other => panic!("{other:?} on a non-null integer column"),
        }
    }
}

impl<M: Model, N> LeafOf<M> for Col<M, Option<i64>, N> {
    fn leaf_of(self, leaf: &Leaf) -> Filter<M> {
        match leaf {
            // `= None` is Django's `IS NULL`; `<> None` its negation.
            // Ordering comparisons with NULL do not compile.
            Leaf::Cmp(Op::Eq, Val::Null) => self.eq(None),
            Leaf::Cmp(Op::Ne, Val::Null) => self.ne(None),
            Leaf::Cmp(op, Val::Null) => panic!("{op:?} NULL is not generated"),
            Leaf::Cmp(op, v) => cmp(self, *op, int(v)),
            Leaf::In(vs) => self.is_in(vs.iter().map(int)),
            Leaf::IsNull(false) => self.is_null(),
            Leaf::IsNull(true) => self.is_not_null(),
            Leaf::Like(_) => panic!("LIKE on an integer column"),
        }
    }
}

impl<M: Model, N> LeafOf<M> for Col<M, String, N> {
    fn leaf_of(self, leaf: &Leaf) -> Filter<M> {
        match leaf {
            Leaf::Cmp(op, v) => cmp(self, *op, text(v)),
            Leaf::In(vs) => self.is_in(vs.iter().map(text)),
            Leaf::Like(p) => self.like(p),
            Leaf::IsNull(_) => panic!("IS NULL on a non-null text column"),
        }
    }
}

impl<M: Model, N> LeafOf<M> for Col<M, Option<String>, N> {
    fn leaf_of(self, leaf: &Leaf) -> Filter<M> {
        match leaf {
            Leaf::Cmp(Op::Eq, Val::Null) => self.eq(None),
            Leaf::Cmp(Op::Ne, Val::Null) => self.ne(None),
            Leaf::Cmp(op, Val::Null) => panic!("{op:?} NULL is not generated"),
            Leaf::Cmp(op, v) => cmp(self, *op, text(v)),
            Leaf::In(vs) => self.is_in(vs.iter().map(text)),
            Leaf::IsNull(false) => self.is_null(),
            Leaf::IsNull(true) => self.is_not_null(),
            Leaf::Like(p) => self.like(p),
        }
    }
}

/// `leaf` and `order` of [`OracleModel`] from the model's column handles.
macro_rules! columns {
    ($($col:ident),*) => {
        fn leaf(column: &str, leaf: &Leaf) -> Filter<Self> {
            match column {
                $(stringify!($col) => Self::$col().leaf_of(leaf),)*
                other => panic!("{} has no column {other}", Self::info().name),
            }
        }

        fn order(column: &str, desc: bool) -> Order<Self> {
            match column {
                $(stringify!($col) => {
                    let c = Self::$col();
                    if desc { c.desc() } else { c.asc() }
                })*
                other => panic!("{} has no column {other}", Self::info().name),
            }
        }
    };
}

fn unknown<T>(model: Mdl, rel: Rel, to: Option<To>) -> T {
    panic!("{model:?} has no relation {rel:?} into {to:?}")
}

impl OracleModel for Country {
    const ID: Mdl = Mdl::Country;

    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out {
        let authors = Naive {
            sql: "SELECT * FROM o_author WHERE country_id = ?",
            key: |c: &Country| Some(c.id),
            field: |c| &mut c.authors,
        };
        match (rel, to) {
            (Rel::CountryAuthors, None) => v.many(Country::authors(), authors),
            (Rel::CountryAuthors, Some(To::CountryTopAuthors)) => {
                v.to(Country::authors(), Country::top_authors(), authors, |c| {
                    &mut c.top_authors
                })
            }
            _ => unknown(Self::ID, rel, to),
        }
    }

    columns!(id, name);
}

impl OracleModel for Author {
    const ID: Mdl = Mdl::Author;

    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out {
        let favorites = Naive {
            sql: "SELECT t.* FROM o_tag t INNER JOIN o_author_favorite f ON f.fav_id = t.id \
                  WHERE f.fan_id = ?",
            key: |a: &Author| Some(a.id),
            field: |a| &mut a.favorites,
        };
        let posts = Naive {
            sql: "SELECT * FROM o_post WHERE author_id = ?",
            key: |a: &Author| Some(a.id),
            field: |a| &mut a.posts,
        };
        match (rel, to) {
            (Rel::AuthorCountry, None) => v.single(
                Author::country(),
                Naive {
                    sql: "SELECT * FROM o_country WHERE id = ?",
                    key: |a| Some(*a.country.key()),
                    field: |a| &mut a.country,
                },
            ),
            (Rel::AuthorMentor, None) => v.single(
                Author::mentor(),
                Naive {
                    sql: "SELECT * FROM o_author WHERE id = ?",
                    key: |a| a.mentor.as_ref().map(|m| *m.key()),
                    field: |a| &mut a.mentor,
                },
            ),
            (Rel::AuthorFavorites, None) => v.many(Author::favorites(), favorites),
            (Rel::AuthorFavorites, Some(To::AuthorSomeTags)) => {
                v.to(Author::favorites(), Author::some_tags(), favorites, |a| {
                    &mut a.some_tags
                })
            }
            (Rel::AuthorMentees, None) => v.many(
                Author::mentees(),
                Naive {
                    sql: "SELECT * FROM o_author WHERE mentor_id = ?",
                    key: |a| Some(a.id),
                    field: |a| &mut a.mentees,
                },
            ),
            (Rel::AuthorPosts, None) => v.many(Author::posts(), posts),
            (Rel::AuthorPosts, Some(To::AuthorTopPosts)) => {
                v.to(Author::posts(), Author::top_posts(), posts, |a| {
                    &mut a.top_posts
                })
            }
            (Rel::AuthorProfile, None) => v.single(
                Author::profile(),
                Naive {
                    sql: "SELECT * FROM o_profile WHERE author_id = ?",
                    key: |a| Some(a.id),
                    field: |a| &mut a.profile,
                },
            ),
            _ => unknown(Self::ID, rel, to),
        }
    }

    columns!(id, name, rank, country_id, mentor_id);

    fn spine<V: SpineVisitor<Self>>(rel: Rel, n: usize, v: V) -> V::Out {
        match rel {
            Rel::AuthorMentor => repeat_single(Author::mentor(), n, v),
            Rel::AuthorMentees => repeat(Author::mentees(), n, v),
            _ => unknown(Self::ID, rel, None),
        }
    }
}

impl OracleModel for Profile {
    const ID: Mdl = Mdl::Profile;

    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out {
        match (rel, to) {
            (Rel::ProfileAuthor, None) => v.single(
                Profile::author(),
                Naive {
                    sql: "SELECT * FROM o_author WHERE id = ?",
                    key: |p| Some(*p.author.key()),
                    field: |p| &mut p.author,
                },
            ),
            _ => unknown(Self::ID, rel, to),
        }
    }

    columns!(id, bio, author_id);
}

impl OracleModel for Post {
    const ID: Mdl = Mdl::Post;

    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out {
        let author = Naive {
            sql: "SELECT * FROM o_author WHERE id = ?",
            key: |p: &Post| Some(*p.author.key()),
            field: |p| &mut p.author,
        };
        let editor = Naive {
            sql: "SELECT * FROM o_author WHERE id = ?",
            key: |p: &Post| p.editor.as_ref().map(|e| *e.key()),
            field: |p| &mut p.editor,
        };
        let tags = Naive {
            sql: "SELECT t.* FROM o_tag t INNER JOIN o_post_tags x ON x.tag_id = t.id \
                  WHERE x.post_id = ?",
            key: |p: &Post| Some(p.id),
            field: |p| &mut p.tags,
        };
        let comments = Naive {
            sql: "SELECT * FROM o_comment WHERE post_id = ?",
            key: |p: &Post| Some(p.id),
            field: |p| &mut p.comments,
        };
        match (rel, to) {
            (Rel::PostAuthor, None) => v.single(Post::author(), author),
            (Rel::PostAuthor, Some(To::PostPeople)) => {
                v.to(Post::author(), Post::people(), author, |p| &mut p.people)
            }
            (Rel::PostEditor, None) => v.single(Post::editor(), editor),
            (Rel::PostEditor, Some(To::PostPeople)) => {
                v.to(Post::editor(), Post::people(), editor, |p| &mut p.people)
            }
            (Rel::PostTags, None) => v.many(Post::tags(), tags),
            (Rel::PostTags, Some(To::PostTopTags)) => {
                v.to(Post::tags(), Post::top_tags(), tags, |p| &mut p.top_tags)
            }
            (Rel::PostComments, None) => v.many(Post::comments(), comments),
            (Rel::PostComments, Some(To::PostSomeComments)) => {
                v.to(Post::comments(), Post::some_comments(), comments, |p| {
                    &mut p.some_comments
                })
            }
            (Rel::PostCover, None) => v.single(
                Post::cover(),
                Naive {
                    sql: "SELECT * FROM o_cover WHERE post_id = ?",
                    key: |p| Some(p.id),
                    field: |p| &mut p.cover,
                },
            ),
            _ => unknown(Self::ID, rel, to),
        }
    }

    columns!(id, title, score, author_id, editor_id);
}

impl OracleModel for Tag {
    const ID: Mdl = Mdl::Tag;

    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out {
        let posts = Naive {
            sql: "SELECT p.* FROM o_post p INNER JOIN o_post_tags x ON x.post_id = p.id \
                  WHERE x.tag_id = ?",
            key: |t: &Tag| Some(t.id),
            field: |t| &mut t.posts,
        };
        match (rel, to) {
            (Rel::TagSimilar, None) => v.many(
                Tag::similar(),
                Naive {
                    sql: "SELECT t.* FROM o_tag t INNER JOIN o_tag_similar x \
                          ON x.to_tag_id = t.id WHERE x.from_tag_id = ?",
                    key: |t| Some(t.id),
                    field: |t| &mut t.similar,
                },
            ),
            (Rel::TagSimilarOf, None) => v.many(
                Tag::similar_of(),
                Naive {
                    sql: "SELECT t.* FROM o_tag t INNER JOIN o_tag_similar x \
                          ON x.from_tag_id = t.id WHERE x.to_tag_id = ?",
                    key: |t| Some(t.id),
                    field: |t| &mut t.similar_of,
                },
            ),
            (Rel::TagPosts, None) => v.many(Tag::posts(), posts),
            (Rel::TagPosts, Some(To::TagTopPosts)) => {
                v.to(Tag::posts(), Tag::top_posts(), posts, |t| &mut t.top_posts)
            }
            (Rel::TagFans, None) => v.many(
                Tag::fans(),
                Naive {
                    sql: "SELECT a.* FROM o_author a INNER JOIN o_author_favorite f \
                          ON f.fan_id = a.id WHERE f.fav_id = ?",
                    key: |t| Some(t.id),
                    field: |t| &mut t.fans,
                },
            ),
            _ => unknown(Self::ID, rel, to),
        }
    }

    columns!(id, name);

    fn spine<V: SpineVisitor<Self>>(rel: Rel, n: usize, v: V) -> V::Out {
        match rel {
            Rel::TagSimilar => repeat(Tag::similar(), n, v),
            Rel::TagSimilarOf => repeat(Tag::similar_of(), n, v),
            _ => unknown(Self::ID, rel, None),
        }
    }
}

impl OracleModel for Comment {
    const ID: Mdl = Mdl::Comment;

    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out {
        let post = Naive {
            sql: "SELECT * FROM o_post WHERE id = ?",
            key: |c: &Comment| Some(*c.post.key()),
            field: |c| &mut c.post,
        };
        match (rel, to) {
            (Rel::CommentPost, None) => v.single(Comment::post(), post),
            (Rel::CommentPost, Some(To::CommentPostCopy)) => {
                v.to(Comment::post(), Comment::post_copy(), post, |c| {
                    &mut c.post_copy
                })
            }
            _ => unknown(Self::ID, rel, to),
        }
    }

    columns!(id, body, votes, post_id);
}

impl OracleModel for Cover {
    const ID: Mdl = Mdl::Cover;

    fn visit<V: RelVisitor<Self>>(rel: Rel, to: Option<To>, v: V) -> V::Out {
        match (rel, to) {
            (Rel::CoverPost, None) => v.single(
                Cover::post(),
                Naive {
                    sql: "SELECT * FROM o_post WHERE id = ?",
                    key: |c| c.post.as_ref().map(|p| *p.key()),
                    field: |c| &mut c.post,
                },
            ),
            _ => unknown(Self::ID, rel, to),
        }
    }

    columns!(id, caption, post_id);
}
