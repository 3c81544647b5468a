//! The field types a model declares its relations with. A field starts
//! unloaded; only a query's `select_related` / `prefetch_related` fills it.
//! Reading an unloaded field is an error naming the call that loads it: no
//! query ever runs behind the user's back.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::error::NotLoaded;
use crate::model::misread::{
    AddThroughLink, AllThroughGet, CountThroughGet, FilterThroughPrefetch, ForThroughGet,
    IndexThroughGet, IterThroughGet, LenThroughGet, SameField, SliceThroughGet, WriteThroughSql,
};
use crate::model::table::{Model, Target};

/// Names the field a relation value belongs to, so "not loaded" errors can
/// say which call would have loaded it. The derive creates one per field;
/// the example at [`NotLoaded`] shows the names in an error.
#[derive(Debug, PartialEq, Eq)]
pub struct FieldName {
    /// The model's Rust name.
    pub model: &'static str,
    /// The field's name.
    pub field: &'static str,
    /// Loaded with a JOIN (`select_related`) or only by `prefetch_related`.
    pub joinable: bool,
}

static UNNAMED: FieldName = FieldName {
    model: "?",
    field: "?",
    joinable: true,
};

impl FieldName {
    fn not_loaded(&'static self) -> NotLoaded {
        if self.joinable {
            NotLoaded::Joinable {
                model: self.model,
                field: self.field,
            }
        } else {
            NotLoaded::PrefetchOnly {
                model: self.model,
                field: self.field,
            }
        }
    }
}

/// A loaded row is held in an `Arc`: a row that several parents point at
/// (one author of many posts) is decoded once and shared, not copied.
#[derive(Clone, PartialEq)]
enum One<T> {
    Unloaded,
    Missing,
    Loaded(Arc<T>),
}

impl<T> One<T> {
    /// What a JOIN or a single-valued prefetch found: the row, or none.
    fn found(target: Option<Arc<T>>) -> Self {
        target.map_or(One::Missing, One::Loaded)
    }

    /// The row, for the levels below to fill in (none if not loaded).
    fn as_mut_slice(&mut self) -> &mut [Arc<T>] {
        match self {
            One::Loaded(t) => std::slice::from_mut(t),
            _ => &mut [],
        }
    }
}

/// Targets that cannot be models, the ones the derive names in its error:
/// std's types and this crate's. (`Box<Post>` and `&Post` could be made
/// models by a user's crate, `Box` and `&` being `#[fundamental]`; the
/// derive never does, and a hand-written `Target` impl for them conflicts
/// with these.)
macro_rules! not_a_model {
    ($([$($params:tt)*] $ty:ty),* $(,)?) => {
        $(
            #[diagnostic::do_not_recommend]
            impl<$($params)*> Target for $ty {
                type Key = ();
            }
        )*
    };
}

not_a_model!(
    [] i8, [] i16, [] i32, [] i64, [] i128, [] isize,
    [] u8, [] u16, [] u32, [] u64, [] u128, [] usize,
    [] f32, [] f64, [] bool, [] char, [] String, [] (),
    [T: 'static] Vec<T>,
    [T: ?Sized + 'static] Arc<T>,
    [T: ?Sized + 'static] Box<T>,
    [T: ?Sized + 'static] &'static T,
    [T: 'static] std::rc::Rc<T>,
    [T: 'static] Option<T>,
    [A: 'static, B: 'static] (A, B),
    [A: 'static, B: 'static, C: 'static] (A, B, C),
    [T: 'static, const N: usize] [T; N],
    [T: Target] ForeignKey<T>,
    [T: Target] OneToOne<T>,
    [T: Target] ManyToMany<T>,
    [T: Target] Reverse<T>,
    [T: Target] Prefetched<T>,
    [T: Target] ReverseOne<T>,
);

/// How the runtime fills a relation field. Implemented by every field type.
///
/// ```
/// use related::prelude::*;
/// use related::RelationField;
/// use std::sync::Arc;
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64 }
///
/// # fn main() -> Result<(), related::NotLoaded> {
/// let mut key: ForeignKey<Tag> = ForeignKey::new(7);
/// assert_eq!(RelationField::key(&key), Some(&7));
/// // From a row: by reference, or by value (the row's key is kept).
/// let tag = Tag { id: 8 };
/// assert_eq!(ForeignKey::from(&tag).key(), &8);
/// assert_eq!(ForeignKey::from(tag).key(), &8);
/// key.set_one(Some(Arc::new(Tag { id: 7 })));
/// assert_eq!(key.get()?.id, 7);
///
/// let mut tags: ManyToMany<Tag> = ManyToMany::default();
/// assert!(!tags.is_loaded());
/// tags.set_many(vec![Arc::new(Tag { id: 1 }), Arc::new(Tag { id: 2 })]);
/// assert_eq!(tags.get()?.len(), 2);
/// # Ok(()) }
/// ```
pub trait RelationField<T: Model> {
    /// The target key stored in the source row (forward relations only).
    fn key(&self) -> Option<&T::Pk> {
        None
    }
    /// Store the row a JOIN or a single-valued prefetch found (None: no row).
    /// The `Arc` may be shared with other rows of the same load.
    fn set_one(&mut self, target: Option<Arc<T>>);
    /// Store the rows a prefetch level found for this source row (each
    /// decoded once per load and shared by every row that points at it).
    fn set_many(&mut self, targets: Vec<Arc<T>>);
    /// The rows stored so far, for the levels below to fill in
    /// (`Arc::make_mut`: the loader only fills rows it holds alone).
    fn loaded_mut(&mut self) -> &mut [Arc<T>];
    /// The loaded rows (none for a NULL key or a missing reverse row), or
    /// why there are none: not loaded, or a key pointing at no row.
    fn loaded(&self) -> Result<&[Arc<T>], NotLoaded>;
}

/// What `ForeignKey::new` / `OneToOne::new` take for a target `T`: its
/// primary key. Stated on `()` with a generic impl (checked by `IsPk`), so
/// that rustc reads the argument before deciding, and a row given instead
/// is one error naming the fix.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`ForeignKey::new` takes the primary key of a `{T}`, a `{P}`, not `{K}`",
    label = "expected a `{P}`: `ForeignKey::new(row.id)`; a row you hold is `ForeignKey::from(&row)`",
    note = "a key of another type converts first: `{P}::from(key)`, or `{P}::try_from(key)?` where it may not fit; the same holds for `OneToOne::new`"
)]
pub trait KeyArg<T: Model, P, K> {
    /// The key.
    fn key(key: K) -> T::Pk;
}

#[diagnostic::do_not_recommend]
impl<T: Model, K: IsPk<T>> KeyArg<T, T::Pk, K> for () {
    #[inline]
    fn key(key: K) -> T::Pk {
        key.into_pk()
    }
}

/// `Self` is `T`'s primary key type.
#[doc(hidden)]
pub trait IsPk<T: Model> {
    /// The key.
    fn into_pk(self) -> T::Pk;
}

impl<T: Model> IsPk<T> for T::Pk {
    #[inline]
    fn into_pk(self) -> T::Pk {
        self
    }
}

macro_rules! single_forward {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// The second parameter, `Unused`, is always `()`: the derive reports a
        /// second type argument (`ForeignKey<Author, i64>`) or none (`Reverse`) as
        /// one error naming what to write, and with one parameter without default
        /// rustc would report the same field again with its own count.
        #[derive(Clone)]
        pub struct $name<T: Target = (), Unused = ()> {
            key: T::Key,
            target: One<T>,
            // Not `name`: `post.author.name` would read "field `name` is
            // private", as if the relation had such a field.
            field: &'static FieldName,
            unused: PhantomData<fn() -> Unused>,
        }

        // SAFETY: every field is `Send + Sync` when `T: Model` (which
        // requires `T: Send + Sync` and `T::Pk: Send + Sync`), and no value
        // exists for any other `T: Target`: every constructor requires
        // `T: Model` (see `Target`). Stated here so that proving a
        // model `Send + Sync` stops at its relation fields instead of
        // walking the whole (cyclic) graph of models behind them.
        unsafe impl<T: Target, U> Send for $name<T, U> {}
        // SAFETY: as for `Send` above.
        unsafe impl<T: Target, U> Sync for $name<T, U> {}

        impl<T: Model> $name<T> {
            /// Used by the derive: an unloaded value that knows its field.
            #[doc(hidden)]
            pub fn __from_key(key: T::Pk, name: &'static FieldName) -> Self {
                $name { key, target: One::Unloaded, field: name, unused: PhantomData }
            }

            /// The key stored in this row's column. Never touches the database.
            pub fn key(&self) -> &T::Pk {
                &self.key
            }

            /// The related row, if the query loaded it.
            pub fn get(&self) -> Result<&T, NotLoaded> {
                self.shared().map(|t| &**t)
            }

            /// The related row as the `Arc` it is held in, if the query
            /// loaded it: rows of one load that point at the same target
            /// share one `Arc` (`Arc::ptr_eq` tells), and cloning it is a
            /// reference count, not a copy of the row.
            pub fn shared(&self) -> Result<&Arc<T>, NotLoaded> {
                match &self.target {
                    One::Loaded(t) => Ok(t),
                    One::Unloaded => Err(self.field.not_loaded()),
                    One::Missing => Err(NotLoaded::Missing {
                        model: self.field.model,
                        field: self.field.field,
                    }),
                }
            }

            /// Mutable access to the related row, if loaded. A row shared
            /// with other parents is copied first (`Arc::make_mut`), so the
            /// change is seen through this field only.
            pub fn get_mut(&mut self) -> Result<&mut T, NotLoaded> {
                let name = self.field;
                match &mut self.target {
                    One::Loaded(t) => Ok(Arc::make_mut(t)),
                    One::Unloaded => Err(name.not_loaded()),
                    One::Missing => Err(NotLoaded::Missing {
                        model: name.model,
                        field: name.field,
                    }),
                }
            }

            /// Whether the query loaded this relation (the row may still be
            /// missing: [`NotLoaded::Missing`]).
            pub fn is_loaded(&self) -> bool {
                !matches!(self.target, One::Unloaded)
            }
        }

        impl<T: Model> From<&T> for $name<T> {
            fn from(target: &T) -> Self {
                $name::new(target.pk().clone())
            }
        }

        /// The row's key; the row itself is dropped (keep it with
        /// `From<&T>`).
        impl<T: Model> From<T> for $name<T> {
            fn from(target: T) -> Self {
                $name::new(target.pk().clone())
            }
        }

        impl<T: Model> RelationField<T> for $name<T> {
            fn key(&self) -> Option<&T::Pk> {
                Some(&self.key)
            }
            fn set_one(&mut self, target: Option<Arc<T>>) {
                self.target = One::found(target);
            }
            fn set_many(&mut self, targets: Vec<Arc<T>>) {
                self.set_one(targets.into_iter().next());
            }
            fn loaded_mut(&mut self) -> &mut [Arc<T>] {
                self.target.as_mut_slice()
            }
            fn loaded(&self) -> Result<&[Arc<T>], NotLoaded> {
                self.shared().map(std::slice::from_ref)
            }
        }

        impl<T: Model> RelationField<T> for Option<$name<T>> {
            fn key(&self) -> Option<&T::Pk> {
                self.as_ref().map(|f| &f.key)
            }
            fn set_one(&mut self, target: Option<Arc<T>>) {
                if let Some(f) = self {
                    f.set_one(target);
                }
            }
            fn set_many(&mut self, targets: Vec<Arc<T>>) {
                if let Some(f) = self {
                    f.set_many(targets);
                }
            }
            fn loaded_mut(&mut self) -> &mut [Arc<T>] {
                match self {
                    Some(f) => f.loaded_mut(),
                    None => &mut [],
                }
            }
            fn loaded(&self) -> Result<&[Arc<T>], NotLoaded> {
                match self {
                    Some(f) => f.loaded(),
                    None => Ok(&[]),
                }
            }
        }

        impl<T: Target + fmt::Debug, U> fmt::Debug for $name<T, U> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match &self.target {
                    One::Loaded(t) => t.fmt(f),
                    One::Unloaded => write!(f, "{}({:?}, not loaded)", stringify!($name), self.key),
                    One::Missing => write!(f, "{}({:?}, missing)", stringify!($name), self.key),
                }
            }
        }

        #[diagnostic::do_not_recommend]
        impl<T: Target + PartialEq> SameField<$name<T>> for $name<T> {
            fn __same(&self, other: &$name<T>) -> bool {
                self.key == other.key && self.target == other.target
            }
        }

        // Generic over the right side only so that `post.author == 3` is one
        // error naming `.key()` (the `misread` module); the one right side
        // that compiles is the same field type.
        impl<T: Target, V: SameField<Self>> PartialEq<V> for $name<T> {
            fn eq(&self, other: &V) -> bool {
                other.__same(self)
            }
        }
    };
}

single_forward!(
    /// A foreign key: the column `<field>_id` holds the target's primary key.
    /// Declare `Option<ForeignKey<T>>` for a nullable column.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Author { id: i64, name: String }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Post { id: i64, author: ForeignKey<Author>, editor: Option<ForeignKey<Author>> }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Author::info(), Post::info()])?;
    /// db.insert(&Author { id: 1, name: "Ann".into() })?;
    /// db.insert(&Post { id: 7, author: ForeignKey::new(1), editor: None })?;
    /// let post = Post::query().select_related(Post::author()).one(&db)?;
    /// assert_eq!(*post.author.key(), 1);            // the column, always there
    /// assert_eq!(post.author.get()?.name, "Ann");   // the row, loaded by the JOIN
    /// assert!(post.editor.is_none());               // a NULL key
    /// # Ok(()) }
    /// ```
    ForeignKey
);
single_forward!(
    /// A one-to-one relation: a unique foreign key.
    /// Declare `Option<OneToOne<T>>` for a nullable column.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct User { id: i64, name: String }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Profile { id: i64, user: OneToOne<User>, bio: String }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[User::info(), Profile::info()])?;
    /// db.insert(&User { id: 1, name: "Ann".into() })?;
    /// db.insert(&Profile { id: 1, user: OneToOne::new(1), bio: "hi".into() })?;
    /// let profile = Profile::query().select_related(Profile::user()).one(&db)?;
    /// assert_eq!(profile.user.get()?.name, "Ann");
    /// # Ok(()) }
    /// ```
    OneToOne
);

macro_rules! many {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// The second parameter, `Unused`, is always `()`: the derive reports a
        /// second type argument (`ForeignKey<Author, i64>`) or none (`Reverse`) as
        /// one error naming what to write, and with one parameter without default
        /// rustc would report the same field again with its own count.
        #[derive(Clone)]
        pub struct $name<T: Target = (), Unused = ()> {
            targets: Option<Vec<Arc<T>>>,
            // Not `name`: `post.author.name` would read "field `name` is
            // private", as if the relation had such a field.
            field: &'static FieldName,
            unused: PhantomData<fn() -> Unused>,
        }

        // SAFETY: every field is `Send + Sync` when `T: Model` (which
        // requires `T: Send + Sync` and `T::Pk: Send + Sync`), and no value
        // exists for any other `T: Target`: every constructor requires
        // `T: Model` (see `Target`). Stated here so that proving a
        // model `Send + Sync` stops at its relation fields instead of
        // walking the whole (cyclic) graph of models behind them.
        unsafe impl<T: Target, U> Send for $name<T, U> {}
        // SAFETY: as for `Send` above.
        unsafe impl<T: Target, U> Sync for $name<T, U> {}

        impl<T: Model> Default for $name<T> {
            fn default() -> Self {
                $name { targets: None, field: &UNNAMED, unused: PhantomData }
            }
        }

        impl<T: Model> $name<T> {
            /// A field no query has loaded, what a row built by hand holds
            /// (the same as `Default::default()`). Rows are linked with
            /// `db.link(..)` or inserted with `db.insert(..)`, not through
            /// this field.
            pub fn new() -> Self {
                Self::default()
            }

            /// Used by the derive: an unloaded value that knows its field.
            #[doc(hidden)]
            pub fn __unloaded(name: &'static FieldName) -> Self {
                $name { targets: None, field: name, unused: PhantomData }
            }

            /// The loaded rows, in the prefetch query's order. Never touches
            /// the database: in-memory filtering, searching and counting are
            /// plain slice operations on this. Each row is an `Arc` shared
            /// with the other rows of the load that hold it (a tag on many
            /// posts is one `Tag`); fields read through it as through `&T`.
            pub fn get(&self) -> Result<&[Arc<T>], NotLoaded> {
                self.targets.as_deref().ok_or_else(|| self.field.not_loaded())
            }

            /// Mutable access to the loaded rows. Changing a shared row
            /// copies it first (`Arc::make_mut`).
            pub fn get_mut(&mut self) -> Result<&mut Vec<Arc<T>>, NotLoaded> {
                let name = self.field;
                self.targets.as_mut().ok_or_else(|| name.not_loaded())
            }

            /// Whether the query loaded this relation (possibly no rows).
            pub fn is_loaded(&self) -> bool {
                self.targets.is_some()
            }

            /// Take the loaded rows out, leaving the field unloaded. The
            /// rows stay shared with the other rows of the load.
            pub fn take(&mut self) -> Result<Vec<Arc<T>>, NotLoaded> {
                let name = self.field;
                self.targets.take().ok_or_else(|| name.not_loaded())
            }

            /// Take the loaded rows out as owned values, leaving the field
            /// unloaded: a row no other row holds any more is moved out,
            /// a shared one is copied (`Arc::unwrap_or_clone`).
            pub fn take_owned(&mut self) -> Result<Vec<T>, NotLoaded> {
                Ok(self.take()?.into_iter().map(Arc::unwrap_or_clone).collect())
            }

            /// Owned copies of the loaded rows (the field keeps its rows).
            pub fn to_owned_vec(&self) -> Result<Vec<T>, NotLoaded> {
                Ok(self.get()?.iter().map(|t| T::clone(t)).collect())
            }
        }

        // Indexing needs the rows, which the field may not hold: one error
        // naming `.get()?` (the `misread` module).
        impl<T: Model> std::ops::Index<usize> for $name<T>
        where
            Self: IndexThroughGet,
        {
            type Output = Arc<T>;
            fn index(&self, _: usize) -> &Arc<T> {
                self.__never()
            }
        }

        // A `for` loop over the field (`for tag in &post.tags`): one error
        // naming `.get()?`. rustc words a missing `IntoIterator` itself, but
        // reports an `Iterator` impl's unmet bound with the bound's message.
        impl<'a, T: Model> Iterator for &'a $name<T>
        where
            (): ForThroughGet<$name<T>>,
        {
            type Item = &'a Arc<T>;
            fn next(&mut self) -> Option<&'a Arc<T>> {
                None
            }
        }

        impl<T: Model> Iterator for $name<T>
        where
            (): ForThroughGet<$name<T>>,
        {
            type Item = Arc<T>;
            fn next(&mut self) -> Option<Arc<T>> {
                None
            }
        }

        impl<T: Model> RelationField<T> for $name<T> {
            fn set_one(&mut self, target: Option<Arc<T>>) {
                self.targets = Some(target.into_iter().collect());
            }
            fn set_many(&mut self, targets: Vec<Arc<T>>) {
                self.targets = Some(targets);
            }
            fn loaded_mut(&mut self) -> &mut [Arc<T>] {
                self.targets.as_deref_mut().unwrap_or(&mut [])
            }
            fn loaded(&self) -> Result<&[Arc<T>], NotLoaded> {
                self.get()
            }
        }

        impl<T: Target + fmt::Debug, U> fmt::Debug for $name<T, U> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match &self.targets {
                    Some(t) => t.fmt(f),
                    None => write!(f, "{}(not loaded)", stringify!($name)),
                }
            }
        }

        impl<T: Target + PartialEq> PartialEq for $name<T> {
            fn eq(&self, other: &Self) -> bool {
                self.targets == other.targets
            }
        }
    };
}

many!(
    /// A many-to-many relation through a link table.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Tag { id: i64, name: String }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Post { id: i64, tags: ManyToMany<Tag> } // link table post_tags
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Tag::info(), Post::info()])?;
    /// db.insert(&Tag { id: 1, name: "rust".into() })?;
    /// db.insert(&Post { id: 1, tags: ManyToMany::new() })?;
    /// db.link(Post::tags(), &1, &1)?;
    /// let post = Post::query().prefetch_related(Post::tags()).one(&db)?;
    /// assert_eq!(post.tags.get()?.len(), 1);
    /// assert_eq!(post.tags.get()?[0].name, "rust");
    /// # Ok(()) }
    /// ```
    ManyToMany
);
many!(
    /// The reverse side of a `ForeignKey` or `ManyToMany` declared on `T`
    /// (Django's related manager), named with `#[related(reverse = T::field)]`.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Author {
    ///     id: i64,
    ///     #[related(reverse = Book::author)]
    ///     books: Reverse<Book>,
    /// }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Book { id: i64, author: ForeignKey<Author> }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Author::info(), Book::info()])?;
    /// db.insert(&Author { id: 1, books: Reverse::new() })?;
    /// db.insert_all(&[Book { id: 1, author: ForeignKey::new(1) }, Book { id: 2, author: ForeignKey::new(1) }])?;
    /// let author = Author::query().prefetch_related(Author::books()).one(&db)?;
    /// assert_eq!(author.books.get()?.len(), 2);
    /// # Ok(()) }
    /// ```
    Reverse
);
many!(
    /// A field that a `Prefetch` fills with a filtered or ordered set of
    /// related rows (Django's `to_attr`). Not a column.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Tag { id: i64, name: String }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Post { id: i64, tags: ManyToMany<Tag>, first_tag: Prefetched<Tag> }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Tag::info(), Post::info()])?;
    /// db.insert_all(&[Tag { id: 1, name: "a".into() }, Tag { id: 2, name: "b".into() }])?;
    /// db.insert(&Post { id: 1, tags: Default::default(), first_tag: Prefetched::new() })?;
    /// db.link(Post::tags(), &1, &1)?;
    /// db.link(Post::tags(), &1, &2)?;
    /// let post = Post::query()
    ///     .prefetch(Prefetch::new(Post::tags()).order_by(Tag::name().desc()).limit(1).to(Post::first_tag()))
    ///     .one(&db)?;
    /// assert_eq!(post.first_tag.get()?[0].name, "b");
    /// assert!(!post.tags.is_loaded());
    /// # Ok(()) }
    /// ```
    Prefetched
);

// `iter`, `len`, `is_empty`, `first` and `last` of the many-valued fields: each one error
// naming `.get()?` (the `misread` module); on the relation fields also Django's
// related-manager methods (`all`, `count`, `filter`, `add`, ...), each naming
// what to write instead. Written out, not in `many!`,
// and with the bound on the signature's line, so that the error's "required
// by this bound" shows one line instead of a macro backtrace.
#[rustfmt::skip]
impl<T: Model> ManyToMany<T> {
    /// Not available: `.get()?` (Django's `all()`).
    #[doc(hidden)] pub fn all(&self) -> &[Arc<T>] where Self: AllThroughGet { self.__never() }
    /// Not available: `.get()?.len()`.
    #[doc(hidden)] pub fn count(&self) -> usize where Self: CountThroughGet { self.__never() }
    /// Not available: `!.get()?.is_empty()`.
    #[doc(hidden)] pub fn exists(&self) -> bool where Self: CountThroughGet { self.__never() }
    /// Not available: `Prefetch::new(..).filter(..)`.
    #[doc(hidden)] pub fn filter<F>(&self, _filter: F) -> &[Arc<T>] where Self: FilterThroughPrefetch { self.__never() }
    /// Not available: `Prefetch::new(..).exclude(..)`.
    #[doc(hidden)] pub fn exclude<F>(&self, _filter: F) -> &[Arc<T>] where Self: FilterThroughPrefetch { self.__never() }
    /// Not available: `Prefetch::new(..).order_by(..)`.
    #[doc(hidden)] pub fn order_by<O>(&self, _order: O) -> &[Arc<T>] where Self: FilterThroughPrefetch { self.__never() }
    /// Not available: `db.link(..)`.
    #[doc(hidden)] pub fn add<R>(&mut self, _row: R) where Self: AddThroughLink { self.__never() }
    /// Not available: `db.link(..)`.
    #[doc(hidden)] pub fn push<R>(&mut self, _row: R) where Self: AddThroughLink { self.__never() }
    /// Not available: SQL of the caller's.
    #[doc(hidden)] pub fn remove<R>(&mut self, _row: R) where Self: WriteThroughSql { self.__never() }
    /// Not available: SQL of the caller's.
    #[doc(hidden)] pub fn clear(&mut self) where Self: WriteThroughSql { self.__never() }
    /// Not available: SQL of the caller's and `db.link(..)`.
    #[doc(hidden)] pub fn set<R>(&mut self, _rows: R) where Self: WriteThroughSql { self.__never() }
    /// Not available: `db.insert(..)` and `db.link(..)`.
    #[doc(hidden)] pub fn create<R>(&mut self, _row: R) where Self: WriteThroughSql { self.__never() }
    /// Not available: `.get()?.iter()`.
    #[doc(hidden)] pub fn iter(&self) -> std::slice::Iter<'_, Arc<T>> where Self: IterThroughGet { self.__never() }
    /// Not available: `.get()?.len()`.
    #[doc(hidden)] pub fn len(&self) -> usize where Self: LenThroughGet { self.__never() }
    /// Not available: `.get()?.is_empty()`.
    #[doc(hidden)] pub fn is_empty(&self) -> bool where Self: LenThroughGet { self.__never() }
    /// Not available: `.get()?.first()`.
    #[doc(hidden)] pub fn first(&self) -> Option<&Arc<T>> where Self: SliceThroughGet { self.__never() }
    /// Not available: `.get()?.last()`.
    #[doc(hidden)] pub fn last(&self) -> Option<&Arc<T>> where Self: SliceThroughGet { self.__never() }
}

#[rustfmt::skip]
impl<T: Model> Reverse<T> {
    /// Not available: `.get()?` (Django's `all()`).
    #[doc(hidden)] pub fn all(&self) -> &[Arc<T>] where Self: AllThroughGet { self.__never() }
    /// Not available: `.get()?.len()`.
    #[doc(hidden)] pub fn count(&self) -> usize where Self: CountThroughGet { self.__never() }
    /// Not available: `!.get()?.is_empty()`.
    #[doc(hidden)] pub fn exists(&self) -> bool where Self: CountThroughGet { self.__never() }
    /// Not available: `Prefetch::new(..).filter(..)`.
    #[doc(hidden)] pub fn filter<F>(&self, _filter: F) -> &[Arc<T>] where Self: FilterThroughPrefetch { self.__never() }
    /// Not available: `Prefetch::new(..).exclude(..)`.
    #[doc(hidden)] pub fn exclude<F>(&self, _filter: F) -> &[Arc<T>] where Self: FilterThroughPrefetch { self.__never() }
    /// Not available: `Prefetch::new(..).order_by(..)`.
    #[doc(hidden)] pub fn order_by<O>(&self, _order: O) -> &[Arc<T>] where Self: FilterThroughPrefetch { self.__never() }
    /// Not available: `db.link(..)`.
    #[doc(hidden)] pub fn add<R>(&mut self, _row: R) where Self: AddThroughLink { self.__never() }
    /// Not available: `db.link(..)`.
    #[doc(hidden)] pub fn push<R>(&mut self, _row: R) where Self: AddThroughLink { self.__never() }
    /// Not available: SQL of the caller's.
    #[doc(hidden)] pub fn remove<R>(&mut self, _row: R) where Self: WriteThroughSql { self.__never() }
    /// Not available: SQL of the caller's.
    #[doc(hidden)] pub fn clear(&mut self) where Self: WriteThroughSql { self.__never() }
    /// Not available: SQL of the caller's and `db.link(..)`.
    #[doc(hidden)] pub fn set<R>(&mut self, _rows: R) where Self: WriteThroughSql { self.__never() }
    /// Not available: `db.insert(..)` and `db.link(..)`.
    #[doc(hidden)] pub fn create<R>(&mut self, _row: R) where Self: WriteThroughSql { self.__never() }
    /// Not available: `.get()?.iter()`.
    #[doc(hidden)] pub fn iter(&self) -> std::slice::Iter<'_, Arc<T>> where Self: IterThroughGet { self.__never() }
    /// Not available: `.get()?.len()`.
    #[doc(hidden)] pub fn len(&self) -> usize where Self: LenThroughGet { self.__never() }
    /// Not available: `.get()?.is_empty()`.
    #[doc(hidden)] pub fn is_empty(&self) -> bool where Self: LenThroughGet { self.__never() }
    /// Not available: `.get()?.first()`.
    #[doc(hidden)] pub fn first(&self) -> Option<&Arc<T>> where Self: SliceThroughGet { self.__never() }
    /// Not available: `.get()?.last()`.
    #[doc(hidden)] pub fn last(&self) -> Option<&Arc<T>> where Self: SliceThroughGet { self.__never() }
}

#[rustfmt::skip]
impl<T: Model> Prefetched<T> {
    /// Not available: `.get()?.iter()`.
    #[doc(hidden)] pub fn iter(&self) -> std::slice::Iter<'_, Arc<T>> where Self: IterThroughGet { self.__never() }
    /// Not available: `.get()?.len()`.
    #[doc(hidden)] pub fn len(&self) -> usize where Self: LenThroughGet { self.__never() }
    /// Not available: `.get()?.is_empty()`.
    #[doc(hidden)] pub fn is_empty(&self) -> bool where Self: LenThroughGet { self.__never() }
    /// Not available: `.get()?.first()`.
    #[doc(hidden)] pub fn first(&self) -> Option<&Arc<T>> where Self: SliceThroughGet { self.__never() }
    /// Not available: `.get()?.last()`.
    #[doc(hidden)] pub fn last(&self) -> Option<&Arc<T>> where Self: SliceThroughGet { self.__never() }
}

/// The reverse side of a `OneToOne` declared on `T`: at most one row.
///
/// ```
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// struct User {
///     id: i64,
///     #[related(reverse = Profile::user)]
///     profile: ReverseOne<Profile>,
/// }
///
/// #[derive(Clone, Debug, Model)]
/// struct Profile { id: i64, user: OneToOne<User> }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[User::info(), Profile::info()])?;
/// db.insert_all(&[User { id: 1, profile: Default::default() }, User { id: 2, profile: ReverseOne::new() }])?;
/// db.insert(&Profile { id: 1, user: OneToOne::new(1) })?;
/// let users = User::query().select_related(User::profile()).order_by(User::id().asc()).all(&db)?;
/// assert!(users[0].profile.get()?.is_some());
/// assert!(users[1].profile.get()?.is_none()); // looked, found none
/// # Ok(()) }
/// ```
///
/// The second parameter, `Unused`, is always `()`: the derive reports a
/// second type argument (`ForeignKey<Author, i64>`) or none (`Reverse`) as
/// one error naming what to write, and with one parameter without default
/// rustc would report the same field again with its own count.
#[derive(Clone)]
pub struct ReverseOne<T: Target = (), Unused = ()> {
    target: One<T>,
    field: &'static FieldName,
    unused: PhantomData<fn() -> Unused>,
}

// SAFETY: every field is `Send + Sync` when `T: Model` (which
// requires `T: Send + Sync` and `T::Pk: Send + Sync`), and no value
// exists for any other `T: Target`: every constructor requires
// `T: Model` (see `Target`). Stated here so that proving a
// model `Send + Sync` stops at its relation fields instead of
// walking the whole (cyclic) graph of models behind them.
unsafe impl<T: Target, U> Send for ReverseOne<T, U> {}
// SAFETY: as for `Send` above.
unsafe impl<T: Target, U> Sync for ReverseOne<T, U> {}

impl<T: Model> Default for ReverseOne<T> {
    fn default() -> Self {
        ReverseOne {
            target: One::Unloaded,
            field: &UNNAMED,
            unused: PhantomData,
        }
    }
}

impl<T: Model> ReverseOne<T> {
    /// A field no query has loaded, what a row built by hand holds (the
    /// same as `Default::default()`).
    pub fn new() -> Self {
        Self::default()
    }

    #[doc(hidden)]
    pub fn __unloaded(name: &'static FieldName) -> Self {
        ReverseOne {
            target: One::Unloaded,
            field: name,
            unused: PhantomData,
        }
    }

    /// The related row: `Ok(None)` when the query looked and found none.
    pub fn get(&self) -> Result<Option<&T>, NotLoaded> {
        Ok(self.shared()?.map(|t| &**t))
    }

    /// The related row as the `Arc` it is held in (see
    /// [`ForeignKey::shared`]).
    pub fn shared(&self) -> Result<Option<&Arc<T>>, NotLoaded> {
        match &self.target {
            One::Loaded(t) => Ok(Some(t)),
            One::Missing => Ok(None),
            One::Unloaded => Err(self.field.not_loaded()),
        }
    }

    /// Whether the query loaded this relation (the row may not exist).
    pub fn is_loaded(&self) -> bool {
        !matches!(self.target, One::Unloaded)
    }
}

impl<T: Model> RelationField<T> for ReverseOne<T> {
    fn set_one(&mut self, target: Option<Arc<T>>) {
        self.target = One::found(target);
    }
    fn set_many(&mut self, targets: Vec<Arc<T>>) {
        self.set_one(targets.into_iter().next());
    }
    fn loaded_mut(&mut self) -> &mut [Arc<T>] {
        self.target.as_mut_slice()
    }
    fn loaded(&self) -> Result<&[Arc<T>], NotLoaded> {
        Ok(self.shared()?.map_or(&[], std::slice::from_ref))
    }
}

impl<T: Target + fmt::Debug, U> fmt::Debug for ReverseOne<T, U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.target {
            One::Loaded(t) => t.fmt(f),
            One::Missing => f.write_str("None"),
            One::Unloaded => f.write_str("ReverseOne(not loaded)"),
        }
    }
}

impl<T: Target + PartialEq> PartialEq for ReverseOne<T> {
    fn eq(&self, other: &Self) -> bool {
        self.target == other.target
    }
}

/// Loaded graphs serialize as nested JSON: a loaded relation as the related
/// row(s), an unloaded foreign key as its key, an unloaded many-valued
/// relation as `null`, a missing row as `null`.
#[cfg(feature = "serde")]
mod serde_impls {
    use serde::{Serialize, Serializer};

    use super::*;

    macro_rules! single {
        ($name:ident) => {
            impl<T> Serialize for $name<T>
            where
                T: Target + Serialize,
                T::Key: Serialize,
            {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    match &self.target {
                        One::Loaded(t) => T::serialize(t, s),
                        One::Unloaded => self.key.serialize(s),
                        One::Missing => s.serialize_none(),
                    }
                }
            }
        };
    }
    single!(ForeignKey);
    single!(OneToOne);

    /// The rows of a many-valued field, serialized as a `Vec<T>` would be
    /// (serde's own `Arc` impl needs its `rc` feature; the output is the
    /// same as when fields held plain rows).
    struct Rows<'a, T>(&'a [Arc<T>]);

    impl<T: Serialize> Serialize for Rows<'_, T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|t| &**t))
        }
    }

    macro_rules! many {
        ($name:ident) => {
            impl<T: Target + Serialize> Serialize for $name<T> {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    // As `Option<Vec<T>>` did.
                    match &self.targets {
                        Some(t) => s.serialize_some(&Rows(t)),
                        None => s.serialize_none(),
                    }
                }
            }
        };
    }
    many!(ManyToMany);
    many!(Reverse);
    many!(Prefetched);

    impl<T: Target + Serialize> Serialize for ReverseOne<T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match &self.target {
                One::Loaded(t) => T::serialize(t, s),
                One::Unloaded | One::Missing => s.serialize_none(),
            }
        }
    }
}

// `new` outside the macro: its "required by this bound" note would
// otherwise quote the macro invocation (eight more lines).
impl<T: Model> ForeignKey<T> {
    /// A value pointing at the row with primary key `key` (for inserts);
    /// `From<&T>` points at a row you hold.
    // The key through `KeyArg`: a row (or another type) given here is one
    // error naming `.id` and `from(&row)`, not a type mismatch about
    // `Model::Pk`. One line: see `Sqlite::link`.
    #[rustfmt::skip]
    pub fn new<K>(key: K) -> Self where (): KeyArg<T, T::Pk, K> {
        Self::__from_key(<() as KeyArg<T, T::Pk, K>>::key(key), &UNNAMED)
    }
}

impl<T: Model> OneToOne<T> {
    /// A value pointing at the row with primary key `key` (for inserts);
    /// `From<&T>` points at a row you hold.
    #[rustfmt::skip]
    pub fn new<K>(key: K) -> Self where (): KeyArg<T, T::Pk, K> {
        Self::__from_key(<() as KeyArg<T, T::Pk, K>>::key(key), &UNNAMED)
    }
}
