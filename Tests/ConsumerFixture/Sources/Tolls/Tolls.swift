// The models of this module come from Specs/ through InterchangePlugin.
@_exported import InterchangeRuntime
