{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "okta-user-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name for the release's objects, truncated to 63 characters.
The release name alone is used when it already contains the chart name.
*/}}
{{- define "okta-user-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "okta-user-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the operator pods. They must never change between upgrades. */}}
{{- define "okta-user-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "okta-user-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "okta-user-operator.labels" -}}
helm.sh/chart: {{ include "okta-user-operator.chart" . }}
{{ include "okta-user-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ include "okta-user-operator.imageTag" . | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: okta-user-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "okta-user-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "okta-user-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false: name an existing ServiceAccount" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "okta-user-operator.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/* Image reference: repository@digest when a digest is set, otherwise repository:tag. */}}
{{- define "okta-user-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "okta-user-operator.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
Rules for the namespaced resources the operator reads and writes: OktaUsers, their status and
finalizers, the Secrets that OktaUsers reference, and Events. A ClusterRole gets them when all
namespaces are watched, a Role in each namespace otherwise.
*/}}
{{- define "okta-user-operator.namespacedRules" -}}
- apiGroups: ["oktaoperator.io"]
  resources: ["oktausers"]
  verbs: ["get", "list", "watch", "update", "patch"]
- apiGroups: ["oktaoperator.io"]
  resources: ["oktausers/status"]
  verbs: ["get", "update", "patch"]
- apiGroups: ["oktaoperator.io"]
  resources: ["oktausers/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}

{{/* Fails the render on value combinations that the schema cannot express. */}}
{{- define "okta-user-operator.validateValues" -}}
{{- if and .Values.okta.orgUrl .Values.okta.existingSecretOrgUrlKey }}
{{- fail "okta.orgUrl and okta.existingSecretOrgUrlKey are both set: set only one of them" }}
{{- end }}
{{- if not .Values.okta.existingSecretOrgUrlKey }}
{{- $_ := required "okta.orgUrl is required: set it to your Okta org URL, for example --set okta.orgUrl=https://example.okta.com (or set okta.existingSecretOrgUrlKey to read it from the Secret)" .Values.okta.orgUrl }}
{{- end }}
{{- $_ := required "okta.existingSecret is required: create a Secret with the Okta API token first (kubectl create secret generic okta-credentials --from-literal=apiToken=...) and set okta.existingSecret to its name" .Values.okta.existingSecret }}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.leaderElection.enabled) }}
{{- fail (printf "replicaCount is %d but leaderElection.enabled is false: without leader election every replica reconciles the same OktaUsers, so set replicaCount to 1 or enable leader election" (int .Values.replicaCount)) }}
{{- end }}
{{- if and (hasKey .Values.podDisruptionBudget "minAvailable") (hasKey .Values.podDisruptionBudget "maxUnavailable") }}
{{- fail "podDisruptionBudget.minAvailable and podDisruptionBudget.maxUnavailable are both set: a PodDisruptionBudget takes only one of them" }}
{{- end }}
{{- end }}
