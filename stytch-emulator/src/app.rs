//! [`App`]: the shared state every handler gets.

use crate::clock::Clock;
use crate::config::Settings;
use crate::errors::{ApiError, ApiResult};
use crate::jwt::KeyRing;
use crate::store::Store;
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// Shared, cheaply cloned handle to the emulator's state.
#[derive(Clone)]
pub(crate) struct App(pub Arc<Inner>);

pub(crate) struct Inner {
    pub settings: Settings,
    pub clock: Clock,
    store: Mutex<Store>,
    keys: RwLock<KeyRing>,
}

impl App {
    pub fn new(settings: Settings, clock: Clock) -> Self {
        App(Arc::new(Inner {
            settings,
            clock,
            store: Mutex::new(Store::default()),
            keys: RwLock::new(KeyRing::new()),
        }))
    }

    pub fn settings(&self) -> &Settings {
        &self.0.settings
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.0.clock.now()
    }

    /// The store. Never hold the guard across an `.await` or a slow hash.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panicking handler cannot leave the store half-written in a way later requests
        // should refuse: every mutation is a short, self-contained block.
        self.0.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn keys(&self) -> RwLockReadGuard<'_, KeyRing> {
        self.0.keys.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn keys_mut(&self) -> RwLockWriteGuard<'_, KeyRing> {
        self.0.keys.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs CPU-heavy work (hashing) off the async executor.
    pub async fn blocking<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> ApiResult<T> {
        tokio::task::spawn_blocking(f)
            .await
            .map_err(|e| ApiError::internal(format!("worker failed: {e}")))
    }
}
