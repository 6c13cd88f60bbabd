//! Importers: bring a district in from the files it already has — an org chart exported from HR as
//! CSV or a spreadsheet, and survey edge lists and member lists — with the row numbers a person needs
//! to fix their file.
