//! An in-memory fake of the Stytch B2B API (work in progress).
