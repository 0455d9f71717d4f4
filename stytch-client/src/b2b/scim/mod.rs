//! SCIM: the connection an organization's identity provider provisions members through.
//! Everything lives in [`connection`].

pub mod connection;
