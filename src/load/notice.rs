//! What a file holds that is read, but perhaps not as the person who typed it meant: a
//! merged range read for every row it covers, cells the layout does not read, YAML that
//! reads text differently from how it looks. Each is said once, at its cell or line, with
//! how to write it; `check` reports them as warnings.

/// What kind of thing was noticed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// A merged range of a workbook, read for every cell it covers.
    MergedCells,
    /// Cells a workbook holds that its layout does not read (a copied sheet, a row without
    /// a requirement id, a renamed label).
    UnreadCells,
    /// YAML that reads a text differently from how it looks (a ` #` comment, lines joined
    /// with a space).
    YamlText,
}

/// One thing noticed, with where it is.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    /// What was read and how to write it instead, in the run's language.
    pub message: String,
    /// For a workbook: the cell or range, as `チェックシート!G18:G19`.
    pub cell: Option<String>,
    /// For a text file: the 1-based line and column.
    pub line: Option<usize>,
    pub column: Option<usize>,
}
