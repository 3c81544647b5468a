//! A chain of nine models for lookups of any depth: `Flat -> Building ->
//! Street -> District -> City -> Region -> Country -> Continent -> Planet` is
//! eight foreign keys (one of them nullable), every one mirrored by a reverse
//! field, plus a many-to-many from `Flat` to `Resident` so a lookup can mix
//! single- and many-valued hops.
//!
//! The seed follows one rule, so a test can say where any row points without
//! asking the database: level `k` holds `SIZES[k]` rows with ids `1..=n`, and
//! row `i` points at row `parent(k, i)` of the level above.

use related::prelude::*;

use crate::harness::Db;

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_planet")]
pub struct Planet {
    pub id: i64,
    pub name: String,
    #[related(reverse = Continent::planet)]
    pub continents: Reverse<Continent>,
    /// The target of a `Prefetch::to` at the end of a long path.
    pub listed_continents: Prefetched<Continent>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_continent")]
pub struct Continent {
    pub id: i64,
    pub name: String,
    pub planet: ForeignKey<Planet>,
    #[related(reverse = Country::continent)]
    pub countries: Reverse<Country>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_country")]
pub struct Country {
    pub id: i64,
    pub name: String,
    pub continent: ForeignKey<Continent>,
    #[related(reverse = Region::country)]
    pub regions: Reverse<Region>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_region")]
pub struct Region {
    pub id: i64,
    pub name: String,
    pub country: ForeignKey<Country>,
    #[related(reverse = City::region)]
    pub cities: Reverse<City>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_city")]
pub struct City {
    pub id: i64,
    pub name: String,
    pub region: ForeignKey<Region>,
    #[related(reverse = District::city)]
    pub districts: Reverse<District>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_district")]
pub struct District {
    pub id: i64,
    pub name: String,
    pub city: ForeignKey<City>,
    #[related(reverse = Street::district)]
    pub streets: Reverse<Street>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_street")]
pub struct Street {
    pub id: i64,
    pub name: String,
    /// Nullable: every JOIN below it must be LEFT.
    pub district: Option<ForeignKey<District>>,
    #[related(reverse = Building::street)]
    pub buildings: Reverse<Building>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_building")]
pub struct Building {
    pub id: i64,
    pub name: String,
    pub street: ForeignKey<Street>,
    #[related(reverse = Flat::building)]
    pub flats: Reverse<Flat>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_flat")]
pub struct Flat {
    pub id: i64,
    pub name: String,
    pub building: ForeignKey<Building>,
    #[related(through = "chain_flat_residents")]
    pub residents: ManyToMany<Resident>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "chain_resident")]
pub struct Resident {
    pub id: i64,
    pub name: String,
    #[related(reverse = Flat::residents)]
    pub flats: Reverse<Flat>,
}

/// Rows per level, from `Planet` (level 0) down to `Flat` (level 8).
pub const SIZES: [i64; 9] = [2, 3, 4, 5, 6, 7, 8, 9, 10];
/// Residents.
pub const RESIDENTS: i64 = 4;
/// The one street without a district (its NULL key cuts the chain).
pub const STREET_WITHOUT_DISTRICT: i64 = 8;

/// The id that row `i` of level `k` (1..=8) points at on level `k - 1`.
/// Every continent is on planet 1, so planet 2 has no children; on other
/// levels the rows cycle over the level above.
pub fn parent(k: usize, i: i64) -> Option<i64> {
    match k {
        1 => Some(1),
        6 if i == STREET_WITHOUT_DISTRICT => None,
        _ => Some((i - 1) % SIZES[k - 1] + 1),
    }
}

/// The ids of the rows of level `k` (1..=8) that point at row `id` of level
/// `k - 1`, in id order.
pub fn children(k: usize, id: i64) -> Vec<i64> {
    (1..=SIZES[k])
        .filter(|&i| parent(k, i) == Some(id))
        .collect()
}

/// Whether flat `flat` has resident `resident`.
pub fn lives_in(resident: i64, flat: i64) -> bool {
    (flat + resident) % 3 == 0
}

/// All chain models, in creation order.
pub fn models() -> Vec<&'static related::ModelInfo> {
    vec![
        Planet::info(),
        Continent::info(),
        Country::info(),
        Region::info(),
        City::info(),
        District::info(),
        Street::info(),
        Building::info(),
        Flat::info(),
        Resident::info(),
    ]
}

fn key(k: usize, i: i64) -> i64 {
    parent(k, i).expect("only the street level has a NULL key")
}

/// Create the tables and insert the rows [`parent`] and [`lives_in`] describe.
pub fn seed(db: &Db) -> related::Result<()> {
    db.create_tables(&models())?;
    let name = |kind: &str, i: i64| format!("{kind} {i}");
    let ids = |k: usize| 1..=SIZES[k];
    // Each `insert_all` is one transaction (they do not nest on SQLite).
    db.insert_all(
        &ids(0)
            .map(|i| Planet {
                id: i,
                name: name("Planet", i),
                continents: Default::default(),
                listed_continents: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(1)
            .map(|i| Continent {
                id: i,
                name: name("Continent", i),
                planet: ForeignKey::new(key(1, i)),
                countries: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(2)
            .map(|i| Country {
                id: i,
                name: name("Country", i),
                continent: ForeignKey::new(key(2, i)),
                regions: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(3)
            .map(|i| Region {
                id: i,
                name: name("Region", i),
                country: ForeignKey::new(key(3, i)),
                cities: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(4)
            .map(|i| City {
                id: i,
                name: name("City", i),
                region: ForeignKey::new(key(4, i)),
                districts: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(5)
            .map(|i| District {
                id: i,
                name: name("District", i),
                city: ForeignKey::new(key(5, i)),
                streets: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(6)
            .map(|i| Street {
                id: i,
                name: name("Street", i),
                district: parent(6, i).map(ForeignKey::new),
                buildings: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(7)
            .map(|i| Building {
                id: i,
                name: name("Building", i),
                street: ForeignKey::new(key(7, i)),
                flats: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &ids(8)
            .map(|i| Flat {
                id: i,
                name: name("Flat", i),
                building: ForeignKey::new(key(8, i)),
                residents: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    db.insert_all(
        &(1..=RESIDENTS)
            .map(|i| Resident {
                id: i,
                name: name("Resident", i),
                flats: Default::default(),
            })
            .collect::<Vec<_>>(),
    )?;
    let pairs: Vec<(i64, i64)> = ids(8)
        .flat_map(|f| {
            (1..=RESIDENTS)
                .filter(move |&r| lives_in(r, f))
                .map(move |r| (f, r))
        })
        .collect();
    db.link_all(Flat::residents(), &pairs)
}
