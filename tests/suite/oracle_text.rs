//! The oracle for text keys: random data whose keys differ in case and
//! trailing blanks, in tables whose key columns compare without case (SQLite
//! `NOCASE`, a nondeterministic ICU collation on PostgreSQL, MySQL's
//! `utf8mb4_general_ci`, which also ignores trailing blanks, and
//! `utf8mb4_bin`, which only does that), loaded by `related` and by a naive
//! loader that sends one hand-written statement per parent row, so the
//! database itself decides which rows are related. Both graphs must be
//! equal, and `select_related` must agree with `prefetch_related`.
//!
//! Kept apart from the main oracle (`oracle.rs`), whose models have integer
//! keys and the default collations `create_tables` makes.
//!
//! Knob: `RELATED_ORACLE_CASES` (default 1,000 on SQLite, 100 elsewhere).

use std::sync::Arc;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use related::Value;
use related::prelude::*;
use related_tests::harness::{Backend, Case, Db};

pub const CASES: &[Case] = &[Case::new(
    "oracle::text_keys_under_case_insensitive_collations",
    oracle,
)];

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "x_region")]
pub struct Region {
    #[related(primary_key)]
    pub code: String,
    #[related(reverse = Country::region)]
    pub countries: Reverse<Country>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "x_country")]
pub struct Country {
    #[related(primary_key)]
    pub code: String,
    pub region: ForeignKey<Region>,
    #[related(
        through = "x_country_language",
        source_column = "country_code",
        target_column = "language_code"
    )]
    pub languages: ManyToMany<Language>,
    #[related(reverse = City::country)]
    pub cities: Reverse<City>,
    #[related(reverse = City::partner)]
    pub partner_cities: Reverse<City>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "x_city")]
pub struct City {
    pub id: i64,
    pub country: ForeignKey<Country>,
    pub partner: Option<ForeignKey<Country>>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "x_language")]
pub struct Language {
    #[related(primary_key)]
    pub code: String,
    #[related(reverse = Country::languages)]
    pub countries: Reverse<Country>,
}

/// The tables, every key column under a collation that ignores case (and,
/// on MySQL, trailing blanks). No constraints: the data may hold keys
/// without a parent.
fn create_tables(db: &Db) -> related::Result<()> {
    let (ci, pad, int) = match db.backend() {
        Backend::Sqlite => ("TEXT COLLATE NOCASE", "TEXT COLLATE NOCASE", "INTEGER"),
        Backend::Postgres => {
            db.execute(
                "CREATE COLLATION IF NOT EXISTS x_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                &[],
            )?;
            ("TEXT COLLATE x_ci", "TEXT COLLATE x_ci", "BIGINT")
        }
        Backend::Mysql => (
            "VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
            "VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
            "BIGINT",
        ),
    };
    for ddl in [
        format!("CREATE TABLE x_region (code {ci} PRIMARY KEY)"),
        format!("CREATE TABLE x_country (code {ci} PRIMARY KEY, region_id {ci} NOT NULL)"),
        format!(
            "CREATE TABLE x_city (id {int} PRIMARY KEY, country_id {ci} NOT NULL, partner_id {ci})"
        ),
        format!("CREATE TABLE x_language (code {pad} PRIMARY KEY)"),
        format!(
            "CREATE TABLE x_country_language (country_code {ci} NOT NULL, language_code {pad} NOT NULL)"
        ),
    ] {
        db.execute(&ddl, &[])?;
    }
    Ok(())
}

const TABLES: &[&str] = &[
    "x_country_language",
    "x_city",
    "x_language",
    "x_country",
    "x_region",
];

// ---------------------------------------------------------------------------
// Data.

/// The spellings of one key: as is, upper case, capitalized, with a
/// trailing blank.
fn variant(base: &str, which: usize) -> String {
    match which % 4 {
        0 => base.to_owned(),
        1 => base.to_uppercase(),
        2 => {
            let mut c = base.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        _ => format!("{base} "),
    }
}

const REGIONS: &[&str] = &["eu", "as", "am"];
const COUNTRIES: &[&str] = &["fr", "de", "jp", "it"];
const LANGUAGES: &[&str] = &["en", "fr", "de"];

/// A key: (base index, spelling).
type Spelled = (usize, usize);

#[derive(Clone, Debug)]
struct Data {
    /// Per base, the spelling of its row, or none.
    regions: Vec<Option<usize>>,
    countries: Vec<Option<(usize, Spelled)>>,
    languages: Vec<Option<usize>>,
    /// (country, partner) per city; a key may name no row.
    cities: Vec<(Spelled, Option<Spelled>)>,
    links: Vec<(Spelled, Spelled)>,
}

fn spelled(bases: usize) -> impl Strategy<Value = Spelled> {
    // One base more than there are rows: keys without a parent.
    (0..=bases, 0..4usize)
}

fn data() -> impl Strategy<Value = Data> {
    (
        vec(option::of(0..4usize), REGIONS.len()),
        vec(
            option::of((0..4usize, spelled(REGIONS.len()))),
            COUNTRIES.len(),
        ),
        vec(option::of(0..4usize), LANGUAGES.len()),
        vec(
            (
                spelled(COUNTRIES.len()),
                option::of(spelled(COUNTRIES.len())),
            ),
            0..8,
        ),
        vec((spelled(COUNTRIES.len()), spelled(LANGUAGES.len())), 0..8),
    )
        .prop_map(|(regions, countries, languages, cities, links)| Data {
            regions,
            countries,
            languages,
            cities,
            links,
        })
}

fn key(names: &[&str], (base, which): Spelled) -> String {
    variant(names.get(base).copied().unwrap_or("zz"), which)
}

impl Data {
    fn insert(&self, db: &Db) -> related::Result<()> {
        let regions: Vec<Region> = self
            .regions
            .iter()
            .enumerate()
            .filter_map(|(b, s)| {
                s.map(|s| Region {
                    code: variant(REGIONS[b], s),
                    countries: Default::default(),
                })
            })
            .collect();
        let countries: Vec<Country> = self
            .countries
            .iter()
            .enumerate()
            .filter_map(|(b, c)| {
                c.map(|(s, region)| Country {
                    code: variant(COUNTRIES[b], s),
                    region: ForeignKey::new(key(REGIONS, region)),
                    languages: Default::default(),
                    cities: Default::default(),
                    partner_cities: Default::default(),
                })
            })
            .collect();
        let languages: Vec<Language> = self
            .languages
            .iter()
            .enumerate()
            .filter_map(|(b, s)| {
                s.map(|s| Language {
                    code: variant(LANGUAGES[b], s),
                    countries: Default::default(),
                })
            })
            .collect();
        let cities: Vec<City> = self
            .cities
            .iter()
            .enumerate()
            .map(|(i, (c, p))| City {
                id: i as i64 + 1,
                country: ForeignKey::new(key(COUNTRIES, *c)),
                partner: p.map(|p| ForeignKey::new(key(COUNTRIES, p))),
            })
            .collect();
        db.insert_all(&regions)?;
        db.insert_all(&countries)?;
        db.insert_all(&languages)?;
        db.insert_all(&cities)?;
        let pairs: Vec<(String, String)> = self
            .links
            .iter()
            .map(|(c, l)| (key(COUNTRIES, *c), key(LANGUAGES, *l)))
            .collect();
        if !pairs.is_empty() {
            db.link_all(Country::languages(), &pairs)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// The naive loader: one statement per parent row, matched by the database.

fn one_key<M: Model>(db: &Db, sql: &str, key: &str) -> Result<Vec<M>, TestCaseError> {
    db.raw::<M>(&db.sql(sql), &[Value::Text(key.to_owned())])
        .map_err(|e| TestCaseError::fail(format!("naive `{sql}` with {key:?}: {e}")))
}

fn naive_country(db: &Db, key: &str) -> Result<Option<Country>, TestCaseError> {
    let mut rows: Vec<Country> = one_key(db, "SELECT * FROM x_country WHERE code = ?", key)?;
    Ok(rows.pop())
}

fn naive_region(db: &Db, key: &str) -> Result<Option<String>, TestCaseError> {
    let mut rows: Vec<Region> = one_key(db, "SELECT * FROM x_region WHERE code = ?", key)?;
    Ok(rows.pop().map(|r| r.code))
}

fn naive_cities(db: &Db, column: &str, key: &str) -> Result<Vec<i64>, TestCaseError> {
    let sql = format!("SELECT * FROM x_city WHERE {column} = ?");
    let rows: Vec<City> = one_key(db, &sql, key)?;
    Ok(sorted(rows.iter().map(|c| c.id).collect()))
}

fn naive_languages(db: &Db, country: &str) -> Result<Vec<String>, TestCaseError> {
    let rows: Vec<Language> = one_key(
        db,
        "SELECT x_language.* FROM x_language INNER JOIN x_country_language ON x_country_language.language_code = x_language.code WHERE x_country_language.country_code = ?",
        country,
    )?;
    Ok(sorted(rows.into_iter().map(|l| l.code).collect()))
}

fn naive_countries_of(db: &Db, language: &str) -> Result<Vec<String>, TestCaseError> {
    let rows: Vec<Country> = one_key(
        db,
        "SELECT x_country.* FROM x_country INNER JOIN x_country_language ON x_country_language.country_code = x_country.code WHERE x_country_language.language_code = ?",
        language,
    )?;
    Ok(sorted(rows.into_iter().map(|c| c.code).collect()))
}

fn naive_countries_in(db: &Db, region: &str) -> Result<Vec<String>, TestCaseError> {
    let rows: Vec<Country> = one_key(db, "SELECT * FROM x_country WHERE region_id = ?", region)?;
    Ok(sorted(rows.into_iter().map(|c| c.code).collect()))
}

fn all<M: Model>(db: &Db, table: &str) -> Result<Vec<M>, TestCaseError> {
    db.raw::<M>(&format!("SELECT * FROM {table}"), &[])
        .map_err(|e| TestCaseError::fail(e.to_string()))
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// The loads, each summarized as lines of text (sorted), by both loaders.

/// One summary line per parent.
type Summary = Vec<String>;

fn fail(e: related::Error) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

fn loaded<T: Clone>(r: Result<&T, related::NotLoaded>) -> Option<T> {
    r.ok().cloned()
}

/// Cities with their country, the country's region and the partner,
/// loaded by `select_related` (`joined`) or `prefetch_related`.
fn cities_related(db: &Db, joined: bool) -> Result<Summary, TestCaseError> {
    let q = City::query().order_by(City::id().asc());
    let q = if joined {
        q.select_related(City::country().then(Country::region()))
            .select_related(City::partner())
    } else {
        q.prefetch_related(City::country().then(Country::region()))
            .prefetch_related(City::partner())
    };
    let rows = db.all(&q).map_err(fail)?;
    Ok(sorted(
        rows.iter()
            .map(|c| {
                let country = loaded(c.country.get());
                let region = country
                    .as_ref()
                    .and_then(|x| loaded(x.region.get()).map(|r| r.code));
                let partner = c
                    .partner
                    .as_ref()
                    .and_then(|p| loaded(p.get()).map(|x| x.code));
                format!(
                    "city {}: country {:?} region {:?} partner {:?}",
                    c.id,
                    country.map(|x| x.code),
                    region,
                    partner
                )
            })
            .collect(),
    ))
}

fn cities_naive(db: &Db, joined: bool) -> Result<Summary, TestCaseError> {
    let mut out = Vec::new();
    for c in all::<City>(db, "x_city")? {
        let country = naive_country(db, c.country.key())?;
        let region = match &country {
            Some(x) => naive_region(db, x.region.key())?,
            None => None,
        };
        // The INNER JOIN drops a city whose country (or its region) is
        // missing; a prefetch keeps it with nothing loaded.
        if joined && (country.is_none() || region.is_none()) {
            continue;
        }
        let partner = match &c.partner {
            Some(p) => naive_country(db, p.key())?.map(|x| x.code),
            None => None,
        };
        out.push(format!(
            "city {}: country {:?} region {:?} partner {:?}",
            c.id,
            country.map(|x| x.code),
            region,
            partner
        ));
    }
    Ok(sorted(out))
}

/// Countries with their cities, partner cities and languages.
fn countries_related(
    db: &Db,
    (limit, offset): Window,
    split: bool,
) -> Result<Summary, TestCaseError> {
    let cities = Prefetch::new(Country::cities())
        .order_by(City::id().desc())
        .offset(offset);
    let cities = match limit {
        Some(n) => cities.limit(n),
        None => cities,
    };
    let q = Country::query()
        .prefetch(cities)
        .prefetch_related(Country::partner_cities())
        .prefetch_related(Country::languages());
    let (rows, sent) = db.capture(|| db.all(&q));
    let rows = rows.map_err(fail)?;
    // 1 base statement, and 1 per level when there is a parent (more
    // where expanded key lists split).
    let levels = if rows.is_empty() { 0 } else { 3 };
    if split {
        prop_assert!(sent.len() > levels, "{} statements", sent.len());
    } else {
        prop_assert_eq!(sent.len(), 1 + levels, "statements sent");
    }
    let mut out = Vec::new();
    for c in rows {
        let ids = |r: Result<&[Arc<City>], related::NotLoaded>| -> Vec<i64> {
            r.map(|v| v.iter().map(|x| x.id).collect())
                .unwrap_or_default()
        };
        let langs: Vec<String> = c
            .languages
            .get()
            .map(|v| v.iter().map(|l| l.code.clone()).collect())
            .unwrap_or_default();
        out.push(format!(
            "country {:?}: cities {:?} partners {:?} languages {:?}",
            c.code,
            ids(c.cities.get()),
            sorted(ids(c.partner_cities.get())),
            sorted(langs)
        ));
    }
    Ok(sorted(out))
}

fn countries_naive(db: &Db, (limit, offset): Window) -> Result<Summary, TestCaseError> {
    let mut out = Vec::new();
    for c in all::<Country>(db, "x_country")? {
        let mut cities = naive_cities(db, "country_id", &c.code)?;
        cities.reverse();
        cities.drain(
            ..usize::try_from(offset)
                .unwrap_or(usize::MAX)
                .min(cities.len()),
        );
        if let Some(n) = limit {
            cities.truncate(n as usize);
        }
        out.push(format!(
            "country {:?}: cities {:?} partners {:?} languages {:?}",
            c.code,
            cities,
            naive_cities(db, "partner_id", &c.code)?,
            naive_languages(db, &c.code)?
        ));
    }
    Ok(sorted(out))
}

/// Languages with their countries, and the regions with theirs.
fn others_related(db: &Db) -> Result<Summary, TestCaseError> {
    let mut out = Vec::new();
    let langs = db
        .all(&Language::query().prefetch_related(Language::countries()))
        .map_err(fail)?;
    for l in langs {
        let codes: Vec<String> = l
            .countries
            .get()
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .iter()
            .map(|c| c.code.clone())
            .collect();
        out.push(format!(
            "language {:?}: countries {:?}",
            l.code,
            sorted(codes)
        ));
    }
    let regions = db
        .all(&Region::query().prefetch_related(Region::countries()))
        .map_err(fail)?;
    for r in regions {
        let codes: Vec<String> = r
            .countries
            .get()
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .iter()
            .map(|c| c.code.clone())
            .collect();
        out.push(format!(
            "region {:?}: countries {:?}",
            r.code,
            sorted(codes)
        ));
    }
    Ok(sorted(out))
}

fn others_naive(db: &Db) -> Result<Summary, TestCaseError> {
    let mut out = Vec::new();
    for l in all::<Language>(db, "x_language")? {
        out.push(format!(
            "language {:?}: countries {:?}",
            l.code,
            naive_countries_of(db, &l.code)?
        ));
    }
    for r in all::<Region>(db, "x_region")? {
        out.push(format!(
            "region {:?}: countries {:?}",
            r.code,
            naive_countries_in(db, &r.code)?
        ));
    }
    Ok(sorted(out))
}

/// Each country's cities: at most `limit` of them, after the first `offset`
/// (a `Prefetch`'s per-parent slice).
type Window = (Option<u64>, u64);

fn check(db: &Db, window: Window, split: bool) -> Result<(), TestCaseError> {
    let naive = cities_naive(db, false)?;
    prop_assert_eq!(
        cities_related(db, false)?,
        naive,
        "prefetch_related from cities"
    );
    prop_assert_eq!(
        cities_related(db, true)?,
        cities_naive(db, true)?,
        "select_related from cities"
    );
    prop_assert_eq!(
        countries_related(db, window, split)?,
        countries_naive(db, window)?,
        "countries"
    );
    prop_assert_eq!(
        others_related(db)?,
        others_naive(db)?,
        "languages and regions"
    );
    Ok(())
}

// ---------------------------------------------------------------------------

fn oracle(db: &Db) {
    let sqlite = db.backend() == Backend::Sqlite;
    let cases: u32 = std::env::var("RELATED_ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(|n: u32| if sqlite { n } else { n.div_ceil(10).max(1) })
        .unwrap_or(if sqlite { 1_000 } else { 100 });
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    if !sqlite {
        create_tables(db).expect("create the tables");
    }
    let strategy = (
        data(),
        (option::of(1u64..=2), select(&[0u64, 0, 1, 2][..])),
        select(&[false, false, true][..]),
    );
    let runs = std::cell::Cell::new(0u32);
    let result = runner.run(&strategy, |(data, window, expanded)| {
        runs.set(runs.get() + 1);
        let fresh;
        let db = if sqlite {
            // A third of the cases bind key lists one placeholder per key,
            // split a few keys at a time (the `VALUES` form).
            fresh = if expanded {
                let mut conn = related::Sqlite::open_in_memory()
                    .map_err(fail)?
                    .with_expanded_key_lists();
                conn.set_max_variables(3);
                Db::from_sqlite(conn)
            } else {
                Db::open(Backend::Sqlite, "oracle_text").map_err(TestCaseError::fail)?
            };
            create_tables(&fresh).map_err(fail)?;
            &fresh
        } else {
            for t in TABLES {
                db.execute(&format!("DELETE FROM {t}"), &[]).map_err(fail)?;
            }
            db
        };
        data.insert(db).map_err(fail)?;
        check(db, window, sqlite && expanded)
    });
    eprintln!(
        "text-key oracle on {}: {} generated cases",
        db.backend().name(),
        runs.get()
    );
    if let Err(e) = result {
        panic!("the text-key oracle found a difference:\n{e}");
    }
    assert!(runs.get() >= cases, "ran {} of {cases} cases", runs.get());
}
