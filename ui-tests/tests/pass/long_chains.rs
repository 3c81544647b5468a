// Lookups of any depth: chains of eight hops built with `.then(...)`, however
// the calls are grouped, are paths for select_related, prefetch_related,
// Prefetch and prefetch_below. (The integration suite includes this file
// and runs `main`.)
use related::prelude::*;
use related::{Dialect, Path, SingleValued};

#[derive(Clone, Debug, related::Model)]
pub struct Star {
    pub id: i64,
    #[related(reverse = Planet::star)]
    pub planets: Reverse<Planet>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Planet {
    pub id: i64,
    pub star: ForeignKey<Star>,
    #[related(reverse = Continent::planet)]
    pub continents: Reverse<Continent>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Continent {
    pub id: i64,
    pub planet: ForeignKey<Planet>,
    #[related(reverse = Country::continent)]
    pub countries: Reverse<Country>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Country {
    pub id: i64,
    pub continent: ForeignKey<Continent>,
    #[related(reverse = City::country)]
    pub cities: Reverse<City>,
}

#[derive(Clone, Debug, related::Model)]
pub struct City {
    pub id: i64,
    pub country: ForeignKey<Country>,
    #[related(reverse = Publisher::city)]
    pub publishers: Reverse<Publisher>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Publisher {
    pub id: i64,
    pub city: Option<ForeignKey<City>>,
    #[related(reverse = Author::publisher)]
    pub authors: Reverse<Author>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub publisher: ForeignKey<Publisher>,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
    pub tags: ManyToMany<Tag>,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
    pub recent_comments: Prefetched<Comment>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub post: ForeignKey<Post>,
}

fn same_type<T>(_: T, _: T) {}

/// Eight single-valued hops, from a comment up to its star.
fn up() -> impl Path<Source = Comment, Target = Star> + SingleValued {
    Comment::post()
        .then(Post::author())
        .then(Author::publisher())
        .then(Publisher::city())
        .then(City::country())
        .then(Country::continent())
        .then(Continent::planet())
        .then(Planet::star())
}

pub fn main() {
    // The lookup of the report: four hops.
    let four = Comment::post()
        .then(Post::author())
        .then(Author::publisher())
        .then(Publisher::city());
    let _ = Comment::query().select_related(four);

    // Grouping does not matter: every grouping is the same right-nested type.
    same_type(
        Comment::post()
            .then(Post::author())
            .then(Author::publisher())
            .then(Publisher::city())
            .then(City::country())
            .then(Country::continent())
            .then(Continent::planet())
            .then(Planet::star()),
        Comment::post().then(
            Post::author().then(
                Author::publisher()
                    .then(Publisher::city().then(City::country()))
                    .then(Country::continent().then(Continent::planet().then(Planet::star()))),
            ),
        ),
    );

    let joined = Comment::query().select_related_untyped(up());
    assert_eq!(joined.plan(Dialect::Sqlite).len(), 1);
    assert_eq!(
        up().lookup(),
        "post__author__publisher__city__country__continent__planet__star"
    );

    // Eight many-valued hops down: one statement per level.
    let down = Star::planets()
        .then(Planet::continents())
        .then(Continent::countries())
        .then(Country::cities())
        .then(City::publishers())
        .then(Publisher::authors())
        .then(Author::posts())
        .then(Post::comments());
    assert_eq!(
        Star::query()
            .prefetch_related(down)
            .plan(Dialect::Sqlite)
            .len(),
        9
    );

    // Single- and many-valued hops mixed.
    let mixed = Tag::posts()
        .then(Post::author())
        .then(Author::publisher())
        .then(Publisher::authors())
        .then(Author::posts())
        .then(Post::tags())
        .then(Tag::posts())
        .then(Post::comments());
    assert_eq!(
        Tag::query()
            .prefetch_related(mixed)
            .plan(Dialect::Sqlite)
            .len(),
        9
    );

    // Inside a Prefetch, and with a Prefetch at the end of a long path.
    let seven_up = Post::author()
        .then(Author::publisher())
        .then(Publisher::city())
        .then(City::country())
        .then(Country::continent())
        .then(Continent::planet())
        .then(Planet::star());
    let q = Tag::query()
        .prefetch(
            Prefetch::new(Tag::posts())
                .select_related(seven_up)
                .prefetch_related(seven_up.then(Star::planets())),
        )
        .prefetch_below(
            Tag::posts()
                .then(Post::author())
                .then(Author::publisher())
                .then(Publisher::authors())
                .then(Author::posts())
                .then(Post::comments())
                .then(Comment::post())
                .then(Post::author()),
            Prefetch::new(Author::posts()).order_by(Post::id().desc()),
        );
    assert!(q.plan(Dialect::Sqlite).len() > 2);
    let _ = Comment::query().prefetch_below(
        Comment::post().then(seven_up).then(Star::planets()),
        Prefetch::new(Planet::continents()),
    );
    let _ = Comment::query().prefetch_below(
        Comment::post().then(Post::author()).then(Author::posts()),
        Prefetch::new(Post::comments()).to(Post::recent_comments()),
    );
}
