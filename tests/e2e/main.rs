//! The browser tests: Debian's Chromium driven over the DevTools protocol against the real
//! server. Screenshots land in `target/e2e-screens/`.

#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod assist;
mod classroom;
mod delight;
mod full_disk;
mod games;
mod grownups;
mod journey;
mod leaving;
mod library;
mod phone;
mod safety;
mod screens;
mod settings;
mod social;
mod studio;
mod together;
