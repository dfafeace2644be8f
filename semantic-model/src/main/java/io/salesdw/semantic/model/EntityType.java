package io.salesdw.semantic.model;

/** Whether an entity's key is unique in its semantic model. */
public enum EntityType {
  /** Unique, and the model is where the entity's dimensions live (a dimension table). */
  PRIMARY,
  /** Unique in this model but not its home (a one-to-one side table). */
  UNIQUE,
  /** A reference to another model's primary entity; repeats freely (a fact's foreign key). */
  FOREIGN
}
