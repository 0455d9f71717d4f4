//! `string_enum!`: open string enums that keep values this crate does not know yet.

/// Declares an enum whose variants are fixed wire strings plus `Other(String)`.
///
/// The enum serializes and deserializes as a plain JSON string, so a value the server adds
/// later decodes as `Other("...")` instead of failing the whole response, and a value this crate
/// lacks can still be sent with `Other`. A string becomes one only through an explicit call,
/// `from_wire` (known values map to their variant) or `Other(..)`: there is no `From<&str>`, so a
/// string cannot silently fill an enum parameter. `Default` is the empty wire value
/// (`Other("")`), for building models in tests with `..Default::default()`. Generated:
/// `from_wire()`, `as_str()`, `Display`, `Default`, `Serialize`, `Deserialize`.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, Debug)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this version of the crate does not know, kept verbatim.
            Other(::std::string::String),
        }

        impl $name {
            /// The variant for a wire value: a known value gives its variant, any other
            /// `Other(value)`.
            pub fn from_wire(value: &str) -> Self {
                $crate::b2b::models::de::from_wire_str(value)
            }

            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(other) => other,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::default::Default for $name {
            fn default() -> Self {
                Self::Other(::std::string::String::new())
            }
        }

        impl $crate::b2b::models::de::FromWire for $name {
            fn known(value: &str) -> ::std::option::Option<Self> {
                match value {
                    $( $wire => ::std::option::Option::Some(Self::$variant), )+
                    _ => ::std::option::Option::None,
                }
            }

            fn other(value: ::std::string::String) -> Self {
                Self::Other(value)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_str($crate::b2b::models::de::StrVisitor::new())
            }
        }
    };
}

pub(crate) use string_enum;
