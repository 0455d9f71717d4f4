//! Locales for the emails and SMS Stytch sends.

use super::string_enum::string_enum;

string_enum! {
    /// Language of the emails and SMS the passwords endpoints send.
    ///
    /// Serializes as the API expects (`"pt-br"`, not the official Rust crate's `"ptbr"`); any other
    /// IETF tag can be sent with `Other` or `From<&str>`.
    pub enum PasswordsLocale {
        /// English.
        En = "en",
        /// Spanish.
        Es = "es",
        /// Brazilian Portuguese.
        PtBr = "pt-br",
        /// French.
        Fr = "fr",
    }
}

string_enum! {
    /// Language of the MFA SMS sent by session and intermediate-session exchanges.
    ///
    /// `ExchangeRequestLocale` in the official SDKs. Wire values keep their case and hyphen
    /// (`"pt-br"`, `"de-DE"`, `"zh-Hans"`); other IETF tags can be sent with `Other`.
    pub enum ExchangeLocale {
        /// English.
        En = "en",
        /// Spanish.
        Es = "es",
        /// Brazilian Portuguese.
        PtBr = "pt-br",
        /// French.
        Fr = "fr",
        /// Italian.
        It = "it",
        /// German (Germany).
        DeDe = "de-DE",
        /// Chinese, simplified script.
        ZhHans = "zh-Hans",
        /// Catalan (Spain).
        CaEs = "ca-ES",
        /// Japanese.
        Ja = "ja",
        /// Russian.
        Ru = "ru",
        /// Dutch.
        Nl = "nl",
        /// Polish.
        Pl = "pl",
        /// Turkish.
        Tr = "tr",
        /// Persian.
        Fa = "fa",
        /// Vietnamese.
        Vi = "vi",
        /// Czech.
        Cs = "cs",
    }
}
