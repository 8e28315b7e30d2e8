/// The version of generated code this runtime runs. Every generated file declares a private
/// type conforming to it; code from a generator whose output this runtime cannot run names
/// another protocol and fails to build, with a comment that says to regenerate (the pattern
/// swift-protobuf uses). Not for hand-written code.
public protocol InterchangeGeneratedCodeVersion1 {}
