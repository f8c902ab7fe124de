-- Issue #4's vocabulary for advisories: a level (exercise normal precautions, increased caution,
-- reconsider travel, do not travel) and an action (leave immediately, shelter in place, go to
-- assembly point, none) in place of five levels and CAP's raw response types.
-- LEAVE_NOW was an instruction more than a level: it becomes DO_NOT_TRAVEL with the action
-- LEAVE_IMMEDIATELY when its action was NONE or EVACUATE (a SHELTER stays a shelter). Response
-- types with no counterpart (PREPARE, EXECUTE, AVOID, MONITOR, ASSESS, ALL_CLEAR) become NONE: the
-- level says it. Both CASEs read the row as it was before the UPDATE.
-- There were no check constraints on these columns; campaigns keep a priority, not the level;
-- outbox rows already published are history and stay as they are.
UPDATE advisory_version SET
    level = CASE level
        WHEN 'NORMAL_PRECAUTIONS' THEN 'EXERCISE_NORMAL_PRECAUTIONS'
        WHEN 'HIGH_CAUTION' THEN 'INCREASED_CAUTION'
        WHEN 'AVOID_NON_ESSENTIAL_TRAVEL' THEN 'RECONSIDER_TRAVEL'
        WHEN 'AVOID_ALL_TRAVEL' THEN 'DO_NOT_TRAVEL'
        WHEN 'LEAVE_NOW' THEN 'DO_NOT_TRAVEL'
        ELSE level
    END,
    action = CASE
        WHEN level = 'LEAVE_NOW' AND action IN ('NONE', 'EVACUATE') THEN 'LEAVE_IMMEDIATELY'
        WHEN action = 'EVACUATE' THEN 'LEAVE_IMMEDIATELY'
        WHEN action = 'SHELTER' THEN 'SHELTER_IN_PLACE'
        ELSE 'NONE'
    END;
