-- Argo CD health check for oktaoperator.io/OktaUser, in Lua 5.1 as Argo CD runs it.
-- The operator reports kstatus conditions (Ready, Reconciling, Stalled) and
-- status.observedGeneration. Conditions older than the current spec count as in progress.
local health = {}

local function findCondition(conditions, conditionType)
  for _, condition in ipairs(conditions) do
    if condition.type == conditionType then
      return condition
    end
  end
  return nil
end

-- A condition without observedGeneration counts as current.
local function isCurrent(condition, generation)
  return generation == nil or condition.observedGeneration == nil or condition.observedGeneration >= generation
end

local function isTrueAndCurrent(condition, generation)
  return condition ~= nil and condition.status == "True" and isCurrent(condition, generation)
end

local function messageOf(condition, fallback)
  if condition.message ~= nil and condition.message ~= "" then
    return condition.message
  end
  if condition.reason ~= nil and condition.reason ~= "" then
    return condition.reason
  end
  return fallback
end

if obj.status == nil or obj.status.conditions == nil then
  health.status = "Progressing"
  health.message = "Waiting for the operator to report status"
  return health
end

local generation = obj.metadata.generation
local observedGeneration = obj.status.observedGeneration
if generation ~= nil and (observedGeneration == nil or observedGeneration < generation) then
  health.status = "Progressing"
  health.message = "Waiting for the operator to reconcile generation " .. generation
  return health
end

local conditions = obj.status.conditions

local stalled = findCondition(conditions, "Stalled")
if isTrueAndCurrent(stalled, generation) then
  health.status = "Degraded"
  health.message = messageOf(stalled, "Stalled")
  return health
end

local reconciling = findCondition(conditions, "Reconciling")
if isTrueAndCurrent(reconciling, generation) then
  health.status = "Progressing"
  health.message = messageOf(reconciling, "Reconciling")
  return health
end

local ready = findCondition(conditions, "Ready")
if isTrueAndCurrent(ready, generation) then
  health.status = "Healthy"
  health.message = messageOf(ready, "Ready")
  return health
end

health.status = "Progressing"
if ready == nil then
  health.message = "Waiting for the Ready condition"
elseif not isCurrent(ready, generation) then
  health.message = "Waiting for the operator to reconcile generation " .. generation
else
  health.message = messageOf(ready, "Waiting for the Ready condition")
end
return health
