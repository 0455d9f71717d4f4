mod api {
    use stytch_client::endpoint;

    // Setters have their field's visibility.
    #[endpoint(POST, "/v1/things", response = std::collections::HashMap<String, String>)]
    pub struct CreateThing {
        pub name: Option<String>,
        internal_flag: Option<bool>,
    }
}

fn main() {
    let _ = api::CreateThing::new().name("a").internal_flag(true);
}
