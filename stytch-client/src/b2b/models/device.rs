//! Device fingerprinting data returned with sessions.

use super::de::null_as_default;
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// What Stytch knows about the device a request came from.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeviceInfo {
    /// Stytch's id for the visitor.
    pub visitor_id: String,
    /// History of the visitor id.
    #[serde(default)]
    pub visitor_id_details: Option<DeviceAttributeDetails>,
    /// The IP address.
    #[serde(default)]
    pub ip_address: Option<String>,
    /// History of the IP address.
    #[serde(default)]
    pub ip_address_details: Option<DeviceAttributeDetails>,
    /// City from IP geolocation.
    #[serde(default)]
    pub ip_geo_city: Option<String>,
    /// Region from IP geolocation.
    #[serde(default)]
    pub ip_geo_region: Option<String>,
    /// Country from IP geolocation.
    #[serde(default)]
    pub ip_geo_country: Option<String>,
    /// History of the country.
    #[serde(default)]
    pub ip_geo_country_details: Option<DeviceAttributeDetails>,
}

/// History of one device attribute.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeviceAttributeDetails {
    /// Whether this value was never seen before for the member.
    #[serde(default, deserialize_with = "null_as_default")]
    pub is_new: bool,
    /// When this value was first seen.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub first_seen_at: Option<DateTime<Utc>>,
    /// When this value was last seen.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub last_seen_at: Option<DateTime<Utc>>,
}
