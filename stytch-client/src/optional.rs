//! How `#[endpoint]`-generated code reads optional fields. Reached through `__private` only.
//!
//! The macro decides from the written type: a field typed `Option<T>` (any path ending in
//! `Option` with one type argument) is optional. Generated code then goes through
//! [`OptionField`], so that a user's own type named `Option` is reported at the field with a
//! message saying what to do, instead of as a type mismatch inside generated code. A required
//! field is checked with [`IsOption`] not to be an `Option` under another name (a type alias).

use std::marker::PhantomData;

/// The `Option` behind a field that `#[endpoint]` reads as optional.
#[diagnostic::on_unimplemented(
    message = "#[endpoint] reads this field as optional, but `{Self}` is not `std::option::Option`",
    label = "not `std::option::Option`",
    note = "#[endpoint] treats a field written `Option<T>`, or marked `#[endpoint(optional)]`, as optional: mark a field of your own `Option` type `#[endpoint(required)]`, and use `optional` only on aliases of `std::option::Option`"
)]
pub trait OptionField {
    /// The `T` of `Option<T>`.
    type Inner;
    /// `None`.
    fn none() -> Self;
    /// `Some(value)`.
    fn some(value: Self::Inner) -> Self;
    /// The value, if set.
    fn get(&self) -> Option<&Self::Inner>;
}

#[diagnostic::do_not_recommend]
impl<T> OptionField for Option<T> {
    type Inner = T;

    fn none() -> Self {
        None
    }

    fn some(value: T) -> Self {
        Some(value)
    }

    fn get(&self) -> Option<&T> {
        self.as_ref()
    }
}

/// The `T` of an `Option<T>` known only through an alias (`#[endpoint(optional)]`).
pub type OptionInner<T> = <T as OptionField>::Inner;

/// `IsOption::<T>::VALUE` is true exactly when `T` is an `Option` (however it is spelled), with
/// [`NotOption`] in scope: the inherent constant applies to `Option<_>`, the trait's default to
/// everything else. Evaluated at compile time for required fields.
pub struct IsOption<T: ?Sized>(PhantomData<T>);

impl<T> IsOption<Option<T>> {
    /// `Option<T>` is an `Option`.
    pub const VALUE: bool = true;
}

/// The fallback for [`IsOption`].
pub trait NotOption {
    /// Anything else is not.
    const VALUE: bool = false;
}

impl<T: ?Sized> NotOption for IsOption<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    type Maybe<T> = Option<T>;

    // Checked at compile time, as generated code does.
    const _: () = assert!(IsOption::<Maybe<String>>::VALUE);
    const _: () = assert!(IsOption::<Option<Option<u8>>>::VALUE);
    const _: () = assert!(!IsOption::<String>::VALUE);
    const _: () = assert!(!IsOption::<str>::VALUE);
    const _: () = assert!(!IsOption::<Vec<Option<u8>>>::VALUE);

    #[test]
    fn option_field_round_trips() {
        let mut value: Option<u8> = OptionField::none();
        assert_eq!(value.get(), None);
        value = OptionField::some(3);
        assert_eq!(value.get(), Some(&3));
    }
}
