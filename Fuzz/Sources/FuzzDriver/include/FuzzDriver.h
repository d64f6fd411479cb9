// Intentionally empty: the driver exports only a symbol that SwiftPM's link line refers to.
