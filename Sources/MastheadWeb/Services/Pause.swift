import ServiceLifecycle

/// Waits `duration`, or less when the server starts shutting down; false means stop working.
func pauseUnlessShuttingDown(for duration: Duration) async -> Bool {
    do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
        return !Task.isCancelled
    } catch {
        return false
    }
}
