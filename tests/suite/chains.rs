//! Lookups of any depth: chains of 4, 6 and 8 hops built with `.then(...)`
//! in `select_related`, `prefetch_related`, `Prefetch` and `prefetch_below`,
//! with the exact statements they send and the graph they load.

use std::sync::Arc;

use related::prelude::*;
use related::{LoggedStatement, Path, SingleValued};
use related_tests::harness::{Case, Db, SQLITE};
use related_tests::long_chain::{
    self, Building, City, Continent, Country, District, Flat, Planet, RESIDENTS, Region, Resident,
    SIZES, Street, children, lives_in, parent,
};

pub const CASES: &[Case] = &[
    Case::new("chains::then_stays_right_nested", then_stays_right_nested).on(SQLITE),
    Case::new("chains::ui_pass_case_compiles", ui_pass_case_compiles).on(SQLITE),
    Case::new("chains::select_related_four_hops", select_related_four_hops),
    Case::new("chains::select_related_six_hops", select_related_six_hops),
    Case::new(
        "chains::select_related_eight_hops",
        select_related_eight_hops,
    ),
    Case::new("chains::prefetch_eight_hops_up", prefetch_eight_hops_up),
    Case::new("chains::prefetch_eight_hops_down", prefetch_eight_hops_down),
    Case::new(
        "chains::prefetch_mixes_single_and_many_hops",
        prefetch_mixes_single_and_many_hops,
    ),
    Case::new(
        "chains::prefetch_reuses_a_long_join",
        prefetch_reuses_a_long_join,
    ),
    Case::new(
        "chains::prefetch_below_a_long_path",
        prefetch_below_a_long_path,
    ),
    Case::new(
        "chains::long_paths_inside_a_prefetch",
        long_paths_inside_a_prefetch,
    ),
];

// The columns of each table, in declaration order.
const PLANET: &str = r#""chain_planet"."id", "chain_planet"."name""#;
const CONTINENT: &str =
    r#""chain_continent"."id", "chain_continent"."name", "chain_continent"."planet_id""#;
const COUNTRY: &str =
    r#""chain_country"."id", "chain_country"."name", "chain_country"."continent_id""#;
const REGION: &str = r#""chain_region"."id", "chain_region"."name", "chain_region"."country_id""#;
const CITY: &str = r#""chain_city"."id", "chain_city"."name", "chain_city"."region_id""#;
const DISTRICT: &str =
    r#""chain_district"."id", "chain_district"."name", "chain_district"."city_id""#;
const STREET: &str = r#""chain_street"."id", "chain_street"."name", "chain_street"."district_id""#;
const BUILDING: &str =
    r#""chain_building"."id", "chain_building"."name", "chain_building"."street_id""#;
const FLAT: &str = r#""chain_flat"."id", "chain_flat"."name", "chain_flat"."building_id""#;
const RESIDENT: &str = r#""chain_resident"."id", "chain_resident"."name""#;

// The JOIN of each hop up from `Flat`: Street.district is nullable, so it and
// every hop above it are LEFT.
const J_BUILDING: &str =
    r#" INNER JOIN "chain_building" ON "chain_flat"."building_id" = "chain_building"."id""#;
const J_STREET: &str =
    r#" INNER JOIN "chain_street" ON "chain_building"."street_id" = "chain_street"."id""#;
const J_DISTRICT: &str =
    r#" LEFT OUTER JOIN "chain_district" ON "chain_street"."district_id" = "chain_district"."id""#;
const J_CITY: &str =
    r#" LEFT OUTER JOIN "chain_city" ON "chain_district"."city_id" = "chain_city"."id""#;
const J_REGION: &str =
    r#" LEFT OUTER JOIN "chain_region" ON "chain_city"."region_id" = "chain_region"."id""#;
const J_COUNTRY: &str =
    r#" LEFT OUTER JOIN "chain_country" ON "chain_region"."country_id" = "chain_country"."id""#;
const J_CONTINENT: &str = r#" LEFT OUTER JOIN "chain_continent" ON "chain_country"."continent_id" = "chain_continent"."id""#;
const J_PLANET: &str =
    r#" LEFT OUTER JOIN "chain_planet" ON "chain_continent"."planet_id" = "chain_planet"."id""#;

const ORDER_FLAT: &str = r#" ORDER BY "chain_flat"."id""#;

fn sqls(sent: &[LoggedStatement]) -> Vec<String> {
    sent.iter().map(|s| s.sql.clone()).collect()
}

/// Run `query`, asserting the statements it plans and sends (SQLite form).
fn run<M: Model, L>(db: &Db, query: &Query<M, L>, expected: &[String]) -> Vec<M> {
    let expected: Vec<String> = expected.iter().map(|s| db.sql(s)).collect();
    let planned: Vec<String> = query
        .plan(db.dialect())
        .into_iter()
        .map(|p| p.sql)
        .collect();
    assert_eq!(planned, expected, "plan");
    let (rows, sent) = db.capture(|| db.all(query));
    assert_eq!(sqls(&sent), expected, "sent");
    rows.expect("load")
}

fn ids<M: Model<Pk = i64>>(rows: &[M]) -> Vec<i64> {
    rows.iter().map(|r| *r.pk()).collect()
}

/// [`ids`] of the rows a relation field holds (each in an `Arc`, shared
/// with the other rows of the load), or of borrowed rows.
fn shared_ids<R: std::ops::Deref<Target: Model<Pk = i64>>>(rows: &[R]) -> Vec<i64> {
    rows.iter().map(|r| *r.pk()).collect()
}

/// The ids a flat reaches going up `hops` hops, by the seed's rule (shorter
/// when the street's district is NULL).
fn expected_up(flat: i64, hops: usize) -> Vec<i64> {
    let mut out = Vec::new();
    let mut id = flat;
    for level in (9 - hops..=8).rev() {
        match parent(level, id) {
            Some(p) => {
                out.push(p);
                id = p;
            }
            None => break,
        }
    }
    out
}

/// The ids the loaded graph of `flat` reaches going up, checking each row's
/// name (so the columns of every JOINed table were decoded in place) and
/// that the hop after the last one asked for is not loaded.
fn loaded_up(flat: &Flat, hops: usize) -> Vec<i64> {
    fn named(out: &mut Vec<i64>, kind: &str, id: i64, name: &str) {
        assert_eq!(name, format!("{kind} {id}"));
        out.push(id);
    }
    let mut out = Vec::new();
    let b = flat.building.get().expect("building loaded");
    named(&mut out, "Building", b.id, &b.name);
    if hops == 1 {
        assert!(b.street.get().is_err());
        return out;
    }
    let s = b.street.get().expect("street loaded");
    named(&mut out, "Street", s.id, &s.name);
    if hops == 2 {
        return out;
    }
    let Some(d) = &s.district else {
        return out;
    };
    let d = d.get().expect("district loaded");
    named(&mut out, "District", d.id, &d.name);
    if hops == 3 {
        assert!(d.city.get().is_err());
        return out;
    }
    let c = d.city.get().expect("city loaded");
    named(&mut out, "City", c.id, &c.name);
    if hops == 4 {
        assert!(c.region.get().is_err());
        return out;
    }
    let r = c.region.get().expect("region loaded");
    named(&mut out, "Region", r.id, &r.name);
    if hops == 5 {
        return out;
    }
    let co = r.country.get().expect("country loaded");
    named(&mut out, "Country", co.id, &co.name);
    if hops == 6 {
        assert!(co.continent.get().is_err());
        return out;
    }
    let ct = co.continent.get().expect("continent loaded");
    named(&mut out, "Continent", ct.id, &ct.name);
    if hops == 7 {
        assert!(ct.planet.get().is_err());
        return out;
    }
    let p = ct.planet.get().expect("planet loaded");
    named(&mut out, "Planet", p.id, &p.name);
    out
}

fn check_up(flats: &[Flat], hops: usize) {
    assert_eq!(ids(flats), (1..=SIZES[8]).collect::<Vec<_>>());
    for f in flats {
        assert_eq!(loaded_up(f, hops), expected_up(f.id, hops), "flat {}", f.id);
    }
    // The seed puts one street without a district on the path of some
    // flats: the chain must have been cut there, not dropped the flat.
    assert!(
        flats.iter().any(|f| expected_up(f.id, hops).len() == 2),
        "the data must exercise the NULL hop"
    );
}

/// The trybuild pass case for long chains, compiled (and run) here too.
#[allow(dead_code)]
mod ui_long_chains {
    include!("../../ui-tests/tests/pass/long_chains.rs");
}

fn ui_pass_case_compiles(_db: &Db) {
    // Its `main` builds and plans every kind of long lookup, no database.
    ui_long_chains::main();
}

fn same_type<T>(_: T, _: T) {}
fn single_valued<P: SingleValued>(_: P) {}

fn then_stays_right_nested(_db: &Db) {
    // However the `.then` calls are grouped, the result is one type (this
    // does not compile otherwise): the right-nested chain.
    let a = Flat::building();
    let b = Building::street();
    let c = Street::district();
    let d = District::city();
    same_type(a.then(b).then(c).then(d), a.then(b.then(c.then(d))));
    same_type(a.then(b.then(c)).then(d), a.then(b).then(c.then(d)));
    same_type(
        a.then(b).then(c).then(d).then(City::region()),
        a.then(b.then(c).then(d.then(City::region()))),
    );
    // Single-valued hops make a single-valued chain at any length.
    let eight = eight_up();
    single_valued(eight);
    assert_eq!(
        eight.lookup(),
        "building__street__district__city__region__country__continent__planet"
    );
    assert_eq!(
        eight_down().lookup(),
        "continents__countries__regions__cities__districts__streets__buildings__flats"
    );
}

/// Flat up to Planet: eight single-valued hops.
fn eight_up() -> impl Path<Source = Flat, Target = Planet> + SingleValued {
    Flat::building()
        .then(Building::street())
        .then(Street::district())
        .then(District::city())
        .then(City::region())
        .then(Region::country())
        .then(Country::continent())
        .then(Continent::planet())
}

/// Planet down to Flat: eight many-valued hops.
fn eight_down() -> impl Path<Source = Planet, Target = Flat> {
    Planet::continents()
        .then(Continent::countries())
        .then(Country::regions())
        .then(Region::cities())
        .then(City::districts())
        .then(District::streets())
        .then(Street::buildings())
        .then(Building::flats())
}

fn select_related_four_hops(db: &Db) {
    long_chain::seed(db).unwrap();
    let q = Flat::query()
        .select_related(
            Flat::building()
                .then(Building::street())
                .then(Street::district())
                .then(District::city()),
        )
        .order_by(Flat::id().asc());
    let flats = run(
        db,
        &q,
        &[format!(
            "SELECT {FLAT}, {BUILDING}, {STREET}, {DISTRICT}, {CITY} FROM \"chain_flat\"{J_BUILDING}{J_STREET}{J_DISTRICT}{J_CITY}{ORDER_FLAT}"
        )],
    );
    check_up(&flats, 4);
}

fn select_related_six_hops(db: &Db) {
    long_chain::seed(db).unwrap();
    let q = Flat::query()
        .select_related(
            Flat::building()
                .then(Building::street())
                .then(Street::district())
                .then(District::city())
                .then(City::region())
                .then(Region::country()),
        )
        .order_by(Flat::id().asc());
    let flats = run(
        db,
        &q,
        &[format!(
            "SELECT {FLAT}, {BUILDING}, {STREET}, {DISTRICT}, {CITY}, {REGION}, {COUNTRY} FROM \"chain_flat\"{J_BUILDING}{J_STREET}{J_DISTRICT}{J_CITY}{J_REGION}{J_COUNTRY}{ORDER_FLAT}"
        )],
    );
    check_up(&flats, 6);
}

fn select_related_eight_hops(db: &Db) {
    long_chain::seed(db).unwrap();
    let q = Flat::query()
        .select_related_untyped(eight_up())
        .order_by(Flat::id().asc());
    let flats = run(
        db,
        &q,
        &[format!(
            "SELECT {FLAT}, {BUILDING}, {STREET}, {DISTRICT}, {CITY}, {REGION}, {COUNTRY}, {CONTINENT}, {PLANET} FROM \"chain_flat\"{J_BUILDING}{J_STREET}{J_DISTRICT}{J_CITY}{J_REGION}{J_COUNTRY}{J_CONTINENT}{J_PLANET}{ORDER_FLAT}"
        )],
    );
    check_up(&flats, 8);
    // The same chain written as one nested `then` is the same lookup.
    let nested =
        Flat::query()
            .select_related(Flat::building().then(Building::street().then(
                Street::district().then(District::city().then(
                    City::region().then(
                        Region::country().then(Country::continent().then(Continent::planet())),
                    ),
                )),
            )))
            .order_by(Flat::id().asc());
    assert_eq!(nested.plan(db.dialect()), q.plan(db.dialect()));
}

/// `SELECT <cols> FROM "<table>" WHERE "<table>"."<column>" IN rarray(?)`.
fn level(cols: &str, table: &str, column: &str) -> String {
    format!(r#"SELECT {cols} FROM "{table}" WHERE "{table}"."{column}" IN rarray(?)"#)
}

fn prefetch_eight_hops_up(db: &Db) {
    long_chain::seed(db).unwrap();
    let q = Flat::query()
        .prefetch_related_untyped(eight_up())
        .order_by(Flat::id().asc());
    let flats = run(
        db,
        &q,
        &[
            format!(r#"SELECT {FLAT} FROM "chain_flat"{ORDER_FLAT}"#),
            level(BUILDING, "chain_building", "id"),
            level(STREET, "chain_street", "id"),
            level(DISTRICT, "chain_district", "id"),
            level(CITY, "chain_city", "id"),
            level(REGION, "chain_region", "id"),
            level(COUNTRY, "chain_country", "id"),
            level(CONTINENT, "chain_continent", "id"),
            level(PLANET, "chain_planet", "id"),
        ],
    );
    check_up(&flats, 8);
}

/// The rows one level down: each parent's children are the ones the seed's
/// rule gives, in id order; returns them all for the next level.
fn down<'a, P, C>(
    parents: &[&'a P],
    level: usize,
    get: impl Fn(&'a P) -> &'a [Arc<C>],
) -> Vec<&'a C>
where
    P: Model<Pk = i64>,
    C: Model<Pk = i64>,
{
    let mut out = Vec::new();
    for p in parents {
        let got = get(p);
        assert_eq!(shared_ids(got), children(level, *p.pk()), "level {level}");
        out.extend(got.iter().map(|c| &**c));
    }
    out
}

fn prefetch_eight_hops_down(db: &Db) {
    long_chain::seed(db).unwrap();
    let q = Planet::query()
        .prefetch_related_untyped(eight_down())
        .order_by(Planet::id().asc());
    let planets = run(
        db,
        &q,
        &[
            format!(r#"SELECT {PLANET} FROM "chain_planet" ORDER BY "chain_planet"."id""#),
            level(CONTINENT, "chain_continent", "planet_id"),
            level(COUNTRY, "chain_country", "continent_id"),
            level(REGION, "chain_region", "country_id"),
            level(CITY, "chain_city", "region_id"),
            level(DISTRICT, "chain_district", "city_id"),
            level(STREET, "chain_street", "district_id"),
            level(BUILDING, "chain_building", "street_id"),
            level(FLAT, "chain_flat", "building_id"),
        ],
    );
    let planets: Vec<&Planet> = planets.iter().collect();
    assert_eq!(planets.len(), 2);
    let continents = down(&planets, 1, |p| p.continents.get().unwrap());
    let countries = down(&continents, 2, |c| c.countries.get().unwrap());
    let regions = down(&countries, 3, |c| c.regions.get().unwrap());
    let cities = down(&regions, 4, |r| r.cities.get().unwrap());
    let districts = down(&cities, 5, |c| c.districts.get().unwrap());
    let streets = down(&districts, 6, |d| d.streets.get().unwrap());
    let buildings = down(&streets, 7, |s| s.buildings.get().unwrap());
    let flats = down(&buildings, 8, |b| b.flats.get().unwrap());
    // Everything below the district-less street is out of reach.
    let reachable = (1..=SIZES[8])
        .filter(|&f| expected_up(f, 8).len() == 8)
        .count();
    assert!(reachable < SIZES[8] as usize);
    assert_eq!(flats.len(), reachable);
    assert!(flats.iter().all(|f| f.residents.get().is_err()));
}

fn prefetch_mixes_single_and_many_hops(db: &Db) {
    long_chain::seed(db).unwrap();
    // many (m2m, reverse), one, one, one (nullable), many, many, many, many
    // (m2m).
    let q = Resident::query()
        .prefetch_related(
            Resident::flats()
                .then(Flat::building())
                .then(Building::street())
                .then(Street::district())
                .then(District::streets())
                .then(Street::buildings())
                .then(Building::flats())
                .then(Flat::residents()),
        )
        .order_by(Resident::id().asc());
    let residents = run(
        db,
        &q,
        &[
            format!(r#"SELECT {RESIDENT} FROM "chain_resident" ORDER BY "chain_resident"."id""#),
            format!(
                r#"SELECT {FLAT}, "chain_flat_residents"."resident_id" FROM "chain_flat" INNER JOIN "chain_flat_residents" ON "chain_flat_residents"."flat_id" = "chain_flat"."id" WHERE "chain_flat_residents"."resident_id" IN rarray(?)"#
            ),
            level(BUILDING, "chain_building", "id"),
            level(STREET, "chain_street", "id"),
            level(DISTRICT, "chain_district", "id"),
            level(STREET, "chain_street", "district_id"),
            level(BUILDING, "chain_building", "street_id"),
            level(FLAT, "chain_flat", "building_id"),
            format!(
                r#"SELECT {RESIDENT}, "chain_flat_residents"."flat_id" FROM "chain_resident" INNER JOIN "chain_flat_residents" ON "chain_flat_residents"."resident_id" = "chain_resident"."id" WHERE "chain_flat_residents"."flat_id" IN rarray(?)"#
            ),
        ],
    );
    assert_eq!(ids(&residents), (1..=RESIDENTS).collect::<Vec<_>>());
    let mut deepest = 0;
    for r in &residents {
        let flats = r.flats.get().unwrap();
        let expected: Vec<i64> = (1..=SIZES[8]).filter(|&f| lives_in(r.id, f)).collect();
        assert_eq!(shared_ids(flats), expected, "resident {}", r.id);
        for f in flats {
            // Hop 1 loads flats; their residents are hop 8, on other flats.
            assert!(f.residents.get().is_err());
            let b = f.building.get().unwrap();
            assert_eq!(Some(b.id), parent(8, f.id));
            let s = b.street.get().unwrap();
            assert_eq!(Some(s.id), parent(7, b.id));
            let Some(d) = &s.district else {
                assert_eq!(parent(6, s.id), None);
                continue;
            };
            let d = d.get().unwrap();
            assert_eq!(Some(d.id), parent(6, s.id));
            let streets = down(&[d], 6, |d| d.streets.get().unwrap());
            let buildings = down(&streets, 7, |s| s.buildings.get().unwrap());
            let flats = down(&buildings, 8, |b| b.flats.get().unwrap());
            for f in flats {
                let expected: Vec<i64> = (1..=RESIDENTS).filter(|&r| lives_in(r, f.id)).collect();
                assert_eq!(
                    shared_ids(f.residents.get().unwrap()),
                    expected,
                    "flat {}",
                    f.id
                );
                deepest += 1;
            }
        }
    }
    assert!(deepest > 0, "the data must reach the eighth hop");
}

fn prefetch_reuses_a_long_join(db: &Db) {
    long_chain::seed(db).unwrap();
    // Seven hops are JOINed; the eighth, many-valued, is the only level
    // that needs a statement of its own.
    let seven = Flat::building()
        .then(Building::street())
        .then(Street::district())
        .then(District::city())
        .then(City::region())
        .then(Region::country())
        .then(Country::continent());
    let q = Flat::query()
        .select_related(seven)
        .prefetch_related(seven.then(Continent::countries()))
        .order_by(Flat::id().asc());
    let flats = run(
        db,
        &q,
        &[
            format!(
                "SELECT {FLAT}, {BUILDING}, {STREET}, {DISTRICT}, {CITY}, {REGION}, {COUNTRY}, {CONTINENT} FROM \"chain_flat\"{J_BUILDING}{J_STREET}{J_DISTRICT}{J_CITY}{J_REGION}{J_COUNTRY}{J_CONTINENT}{ORDER_FLAT}"
            ),
            level(COUNTRY, "chain_country", "continent_id"),
        ],
    );
    check_up(&flats, 7);
    let mut reached = 0;
    for f in &flats {
        let path = expected_up(f.id, 7);
        if path.len() < 7 {
            continue;
        }
        let b = f.building.get().unwrap();
        let s = b.street.get().unwrap();
        let d = s.district.as_ref().unwrap().get().unwrap();
        let ct = d
            .city
            .get()
            .unwrap()
            .region
            .get()
            .unwrap()
            .country
            .get()
            .unwrap();
        let continent = ct.continent.get().unwrap();
        assert_eq!(
            shared_ids(continent.countries.get().unwrap()),
            children(2, continent.id)
        );
        reached += 1;
    }
    assert!(reached > 0);
}

fn prefetch_below_a_long_path(db: &Db) {
    long_chain::seed(db).unwrap();
    let listed = || {
        Prefetch::new(Planet::continents())
            .filter(Continent::id().ne(2i64))
            .order_by(Continent::id().desc())
            .to(Planet::listed_continents())
    };
    let listed_sql = format!(
        r#"SELECT {CONTINENT} FROM "chain_continent" WHERE "chain_continent"."planet_id" IN rarray(?) AND "chain_continent"."id" <> ? ORDER BY "chain_continent"."id" DESC"#
    );
    let check = |flats: &[Flat]| {
        let mut reached = 0;
        for f in flats {
            if expected_up(f.id, 8).len() < 8 {
                continue;
            }
            let b = f.building.get().unwrap();
            let s = b.street.get().unwrap();
            let d = s.district.as_ref().unwrap().get().unwrap();
            let co = d
                .city
                .get()
                .unwrap()
                .region
                .get()
                .unwrap()
                .country
                .get()
                .unwrap();
            let planet = co.continent.get().unwrap().planet.get().unwrap();
            assert_eq!(planet.id, 1);
            assert_eq!(
                shared_ids(planet.listed_continents.get().unwrap()),
                vec![3, 1]
            );
            assert!(planet.continents.get().is_err(), "only the target field");
            reached += 1;
        }
        assert!(reached > 0);
    };

    // Every hop of the path is a level of its own, then the Prefetch.
    let q = Flat::query()
        .prefetch_below_untyped(eight_up(), listed())
        .order_by(Flat::id().asc());
    let flats = run(
        db,
        &q,
        &[
            format!(r#"SELECT {FLAT} FROM "chain_flat"{ORDER_FLAT}"#),
            level(BUILDING, "chain_building", "id"),
            level(STREET, "chain_street", "id"),
            level(DISTRICT, "chain_district", "id"),
            level(CITY, "chain_city", "id"),
            level(REGION, "chain_region", "id"),
            level(COUNTRY, "chain_country", "id"),
            level(CONTINENT, "chain_continent", "id"),
            level(PLANET, "chain_planet", "id"),
            listed_sql.clone(),
        ],
    );
    check(&flats);

    // With the path JOINed, only the Prefetch is a statement.
    let q = Flat::query()
        .select_related_untyped(eight_up())
        .prefetch_below_untyped(eight_up(), listed())
        .order_by(Flat::id().asc());
    let flats = run(
        db,
        &q,
        &[
            format!(
                "SELECT {FLAT}, {BUILDING}, {STREET}, {DISTRICT}, {CITY}, {REGION}, {COUNTRY}, {CONTINENT}, {PLANET} FROM \"chain_flat\"{J_BUILDING}{J_STREET}{J_DISTRICT}{J_CITY}{J_REGION}{J_COUNTRY}{J_CONTINENT}{J_PLANET}{ORDER_FLAT}"
            ),
            listed_sql,
        ],
    );
    check(&flats);
}

fn long_paths_inside_a_prefetch(db: &Db) {
    long_chain::seed(db).unwrap();
    // A level JOINs eight hops and prefetches below seven of them.
    let q = Resident::query()
        .prefetch(
            Prefetch::new(Resident::flats())
                .select_related_untyped(eight_up())
                .prefetch_below(
                    Flat::building()
                        .then(Building::street())
                        .then(Street::district())
                        .then(District::city())
                        .then(City::region())
                        .then(Region::country())
                        .then(Country::continent()),
                    Prefetch::new(Continent::countries()).filter(Country::id().le(2i64)),
                ),
        )
        .order_by(Resident::id().asc());
    let residents = run(
        db,
        &q,
        &[
            format!(r#"SELECT {RESIDENT} FROM "chain_resident" ORDER BY "chain_resident"."id""#),
            format!(
                "SELECT {FLAT}, {BUILDING}, {STREET}, {DISTRICT}, {CITY}, {REGION}, {COUNTRY}, {CONTINENT}, {PLANET}, \"chain_flat_residents\".\"resident_id\" FROM \"chain_flat\" INNER JOIN \"chain_flat_residents\" ON \"chain_flat_residents\".\"flat_id\" = \"chain_flat\".\"id\"{J_BUILDING}{J_STREET}{J_DISTRICT}{J_CITY}{J_REGION}{J_COUNTRY}{J_CONTINENT}{J_PLANET} WHERE \"chain_flat_residents\".\"resident_id\" IN rarray(?)"
            ),
            format!(
                r#"SELECT {COUNTRY} FROM "chain_country" WHERE "chain_country"."continent_id" IN rarray(?) AND "chain_country"."id" <= ?"#
            ),
        ],
    );
    let mut reached = 0;
    for r in &residents {
        for f in r.flats.get().unwrap() {
            assert_eq!(loaded_up(f, 8), expected_up(f.id, 8), "flat {}", f.id);
            if expected_up(f.id, 8).len() < 8 {
                continue;
            }
            let b = f.building.get().unwrap();
            let s = b.street.get().unwrap();
            let d = s.district.as_ref().unwrap().get().unwrap();
            let co = d
                .city
                .get()
                .unwrap()
                .region
                .get()
                .unwrap()
                .country
                .get()
                .unwrap();
            let continent = co.continent.get().unwrap();
            let expected: Vec<i64> = children(2, continent.id)
                .into_iter()
                .filter(|&c| c <= 2)
                .collect();
            assert_eq!(shared_ids(continent.countries.get().unwrap()), expected);
            reached += 1;
        }
    }
    assert!(reached > 0);
}
