package main

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
)

// functionMap provides Helm's template functions by name. The behaviour is
// this check's own: close enough to Helm's for charts to render with their
// default values; where an exact result cannot matter to a schema check
// (random strings, certificates, cluster lookups) a fixed value stands in.
func functionMap(root *template.Template) template.FuncMap {
	includeDepth := 0
	include := func(name string, data interface{}) (string, error) {
		if includeDepth > 100 {
			return "", errors.New("include: recursion too deep")
		}
		includeDepth++
		defer func() { includeDepth-- }()
		var b bytes.Buffer
		if err := root.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	tpl := func(text string, data interface{}) (string, error) {
		t, err := root.Clone()
		if err != nil {
			return "", err
		}
		t, err = t.New("tpl").Parse(text)
		if err != nil {
			return "", err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, data); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	f := template.FuncMap{
		"include":  include,
		"tpl":      tpl,
		"required": required,
		"fail":     func(msg string) (string, error) { return "", errors.New(msg) },
		"lookup":   func(...interface{}) map[string]interface{} { return map[string]interface{}{} },

		"toYaml": toJSONText, "mustToYaml": toJSONText, "toJson": toJSONText,
		"mustToJson": toJSONText, "toRawJson": toJSONText, "mustToRawJson": toJSONText,
		"toPrettyJson": toJSONText, "mustToPrettyJson": toJSONText, "toToml": toJSONText,
		"fromYaml": fromJSONOrEmpty, "fromJson": fromJSONOrEmpty, "fromYamlArray": fromJSONArray,
		"fromJsonArray": fromJSONArray,

		"default": func(d interface{}, given ...interface{}) interface{} {
			if len(given) == 0 || empty(given[0]) {
				return d
			}
			return given[0]
		},
		"empty": empty,
		"coalesce": func(v ...interface{}) interface{} {
			for _, x := range v {
				if !empty(x) {
					return x
				}
			}
			return nil
		},
		"ternary": func(a, b interface{}, c bool) interface{} {
			if c {
				return a
			}
			return b
		},
		"quote": func(v ...interface{}) string {
			parts := []string{}
			for _, x := range v {
				if x != nil {
					parts = append(parts, strconv.Quote(str(x)))
				}
			}
			return strings.Join(parts, " ")
		},
		"squote": func(v ...interface{}) string {
			parts := []string{}
			for _, x := range v {
				if x != nil {
					parts = append(parts, "'"+str(x)+"'")
				}
			}
			return strings.Join(parts, " ")
		},
		"indent":     func(n int, s string) string { return indent(n, s) },
		"nindent":    func(n int, s string) string { return "\n" + indent(n, s) },
		"trim":       strings.TrimSpace,
		"trimAll":    func(c, s string) string { return strings.Trim(s, c) },
		"trimPrefix": func(p, s string) string { return strings.TrimPrefix(s, p) },
		"trimSuffix": func(p, s string) string { return strings.TrimSuffix(s, p) },
		"trunc": func(n int, s string) string {
			if n >= 0 && len(s) > n {
				return s[:n]
			}
			if n < 0 && len(s) > -n {
				return s[len(s)+n:]
			}
			return s
		},
		"upper": strings.ToUpper, "lower": strings.ToLower,
		"title": strings.Title, "untitle": func(s string) string { return s },
		"camelcase": func(s string) string { return s }, "snakecase": func(s string) string { return s },
		"kebabcase": func(s string) string { return s },
		"replace":   func(old, new, s string) string { return strings.ReplaceAll(s, old, new) },
		"contains":  func(sub, s string) bool { return strings.Contains(s, sub) },
		"hasPrefix": func(p, s string) bool { return strings.HasPrefix(s, p) },
		"hasSuffix": func(p, s string) bool { return strings.HasSuffix(s, p) },
		"repeat":    func(n int, s string) string { return strings.Repeat(s, n) },
		"substr": func(start, end int, s string) string {
			if start < 0 || start > len(s) {
				start = 0
			}
			if end < 0 || end > len(s) {
				end = len(s)
			}
			if start > end {
				return ""
			}
			return s[start:end]
		},
		"nospace": func(s string) string { return strings.Join(strings.Fields(s), "") },
		"cat": func(v ...interface{}) string {
			parts := []string{}
			for _, x := range v {
				if x != nil {
					parts = append(parts, str(x))
				}
			}
			return strings.Join(parts, " ")
		},
		"wrap":   func(_ int, s string) string { return s },
		"plural": func(one, many string, n int) string { return map[bool]string{true: one, false: many}[n == 1] },
		"splitList": func(sep, s string) []interface{} {
			out := []interface{}{}
			for _, p := range strings.Split(s, sep) {
				out = append(out, p)
			}
			return out
		},
		"split": func(sep, s string) map[string]interface{} {
			out := map[string]interface{}{}
			for i, p := range strings.Split(s, sep) {
				out["_"+strconv.Itoa(i)] = p
			}
			return out
		},
		"join": func(sep string, v interface{}) string {
			parts := []string{}
			for _, x := range list(v) {
				parts = append(parts, str(x))
			}
			return strings.Join(parts, sep)
		},
		"toString": str,
		"toStrings": func(v interface{}) []string {
			out := []string{}
			for _, x := range list(v) {
				out = append(out, str(x))
			}
			return out
		},
		"int": toInt, "int64": func(v interface{}) int64 { return int64(toInt(v)) },
		"float64": toFloat, "atoi": func(s string) int { n, _ := strconv.Atoi(s); return n },
		"add": func(v ...interface{}) int {
			n := 0
			for _, x := range v {
				n += toInt(x)
			}
			return n
		},
		"add1": func(v interface{}) int { return toInt(v) + 1 },
		"sub":  func(a, b interface{}) int { return toInt(a) - toInt(b) },
		"mul": func(v ...interface{}) int {
			n := 1
			for _, x := range v {
				n *= toInt(x)
			}
			return n
		},
		"div": func(a, b interface{}) int {
			if toInt(b) == 0 {
				return 0
			}
			return toInt(a) / toInt(b)
		},
		"mod": func(a, b interface{}) int {
			if toInt(b) == 0 {
				return 0
			}
			return toInt(a) % toInt(b)
		},
		"max": func(a interface{}, v ...interface{}) int {
			m := toInt(a)
			for _, x := range v {
				if toInt(x) > m {
					m = toInt(x)
				}
			}
			return m
		},
		"min": func(a interface{}, v ...interface{}) int {
			m := toInt(a)
			for _, x := range v {
				if toInt(x) < m {
					m = toInt(x)
				}
			}
			return m
		},
		"ceil":  func(v interface{}) float64 { return math.Ceil(toFloat(v)) },
		"floor": func(v interface{}) float64 { return math.Floor(toFloat(v)) },
		"round": func(v interface{}, _ ...interface{}) float64 { return math.Round(toFloat(v)) },
		"until": func(n int) []int {
			out := []int{}
			for i := 0; i < n; i++ {
				out = append(out, i)
			}
			return out
		},
		"untilStep": func(start, stop, step int) []int {
			out := []int{}
			for i := start; step > 0 && i < stop; i += step {
				out = append(out, i)
			}
			return out
		},
		"seq": func(v ...int) string { return "" },

		"list":  func(v ...interface{}) []interface{} { return append([]interface{}{}, v...) },
		"tuple": func(v ...interface{}) []interface{} { return append([]interface{}{}, v...) },
		"dict": func(v ...interface{}) map[string]interface{} {
			out := map[string]interface{}{}
			for i := 0; i+1 < len(v); i += 2 {
				out[str(v[i])] = v[i+1]
			}
			return out
		},
		"get": func(m map[string]interface{}, k string) interface{} {
			if v, ok := m[k]; ok {
				return v
			}
			return ""
		},
		"set":    func(m map[string]interface{}, k string, v interface{}) map[string]interface{} { m[k] = v; return m },
		"unset":  func(m map[string]interface{}, k string) map[string]interface{} { delete(m, k); return m },
		"hasKey": func(m map[string]interface{}, k string) bool { _, ok := m[k]; return ok },
		"keys": func(maps ...map[string]interface{}) []interface{} {
			out := []string{}
			for _, m := range maps {
				for k := range m {
					out = append(out, k)
				}
			}
			sort.Strings(out)
			res := []interface{}{}
			for _, k := range out {
				res = append(res, k)
			}
			return res
		},
		"values": func(m map[string]interface{}) []interface{} {
			out := []interface{}{}
			for _, v := range m {
				out = append(out, v)
			}
			return out
		},
		"pluck": func(k string, maps ...map[string]interface{}) []interface{} {
			out := []interface{}{}
			for _, m := range maps {
				if v, ok := m[k]; ok {
					out = append(out, v)
				}
			}
			return out
		},
		"pick": func(m map[string]interface{}, ks ...string) map[string]interface{} {
			out := map[string]interface{}{}
			for _, k := range ks {
				if v, ok := m[k]; ok {
					out[k] = v
				}
			}
			return out
		},
		"omit": func(m map[string]interface{}, ks ...string) map[string]interface{} {
			out := map[string]interface{}{}
			for k, v := range m {
				out[k] = v
			}
			for _, k := range ks {
				delete(out, k)
			}
			return out
		},
		"dig": func(v ...interface{}) interface{} {
			if len(v) < 3 {
				return nil
			}
			m, _ := v[len(v)-1].(map[string]interface{})
			def := v[len(v)-2]
			var cur interface{} = m
			for _, k := range v[:len(v)-2] {
				mm, ok := cur.(map[string]interface{})
				if !ok {
					return def
				}
				if cur, ok = mm[str(k)]; !ok {
					return def
				}
			}
			return cur
		},
		"merge": merge, "mustMerge": merge, "mergeOverwrite": merge, "mustMergeOverwrite": merge,
		"deepCopy": func(v interface{}) interface{} { return v }, "mustDeepCopy": func(v interface{}) interface{} { return v },
		"first": func(v interface{}) interface{} {
			l := list(v)
			if len(l) == 0 {
				return nil
			}
			return l[0]
		},
		"last": func(v interface{}) interface{} {
			l := list(v)
			if len(l) == 0 {
				return nil
			}
			return l[len(l)-1]
		},
		"rest": func(v interface{}) []interface{} {
			l := list(v)
			if len(l) == 0 {
				return l
			}
			return l[1:]
		},
		"initial": func(v interface{}) []interface{} {
			l := list(v)
			if len(l) == 0 {
				return l
			}
			return l[:len(l)-1]
		},
		"append":     func(v interface{}, x interface{}) []interface{} { return append(list(v), x) },
		"mustAppend": func(v interface{}, x interface{}) []interface{} { return append(list(v), x) },
		"prepend":    func(v interface{}, x interface{}) []interface{} { return append([]interface{}{x}, list(v)...) },
		"concat": func(v ...interface{}) []interface{} {
			out := []interface{}{}
			for _, l := range v {
				out = append(out, list(l)...)
			}
			return out
		},
		"uniq":    func(v interface{}) []interface{} { return list(v) },
		"compact": func(v interface{}) []interface{} { return list(v) },
		"reverse": func(v interface{}) []interface{} { return list(v) },
		"sortAlpha": func(v interface{}) []string {
			out := []string{}
			for _, x := range list(v) {
				out = append(out, str(x))
			}
			sort.Strings(out)
			return out
		},
		"without": func(v interface{}, _ ...interface{}) []interface{} { return list(v) },
		"has": func(x interface{}, v interface{}) bool {
			for _, y := range list(v) {
				if reflect.DeepEqual(x, y) {
					return true
				}
			}
			return false
		},
		"slice": func(v interface{}, idx ...int) []interface{} {
			l := list(v)
			if len(idx) > 0 && idx[0] <= len(l) {
				l = l[idx[0]:]
			}
			return l
		},

		"b64enc":       b64enc,
		"b64dec":       func(s string) string { b, _ := base64.StdEncoding.DecodeString(s); return string(b) },
		"sha256sum":    func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) },
		"sha1sum":      func(s string) string { h := sha1.Sum([]byte(s)); return hex.EncodeToString(h[:]) },
		"adler32sum":   func(s string) string { return "1" },
		"randAlphaNum": fixedString, "randAlpha": fixedString, "randNumeric": fixedString,
		"randAscii": fixedString, "uuidv4": func() string { return "00000000-0000-4000-8000-000000000000" },
		"derivePassword":    func(...interface{}) string { return "password" },
		"genCA":             func(...interface{}) certificate { return certificate{Cert: "cert", Key: "key"} },
		"genSelfSignedCert": func(...interface{}) certificate { return certificate{Cert: "cert", Key: "key"} },
		"genSignedCert":     func(...interface{}) certificate { return certificate{Cert: "cert", Key: "key"} },
		"genPrivateKey":     func(...interface{}) string { return "key" },
		"now":               func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
		"date": func(layout string, _ interface{}) string {
			return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Format(layout)
		},
		"dateInZone": func(layout string, _ interface{}, _ string) string {
			return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Format(layout)
		},
		"htmlDate": func(interface{}) string { return "2026-01-01" },
		"env":      func(string) string { return "" }, "expandenv": func(s string) string { return s },
		"semver": func(s string) map[string]interface{} {
			return map[string]interface{}{"Major": 1, "Minor": 0, "Patch": 0}
		},
		"semverCompare":  semverCompare,
		"regexMatch":     func(re, s string) bool { ok, _ := regexp.MatchString(re, s); return ok },
		"mustRegexMatch": func(re, s string) (bool, error) { return regexp.MatchString(re, s) },
		"regexFind": func(re, s string) string {
			r, err := regexp.Compile(re)
			if err != nil {
				return ""
			}
			return r.FindString(s)
		},
		"regexReplaceAll": func(re, s, repl string) string {
			r, err := regexp.Compile(re)
			if err != nil {
				return s
			}
			return r.ReplaceAllString(s, repl)
		},
		"regexReplaceAllLiteral": func(re, s, repl string) string {
			r, err := regexp.Compile(re)
			if err != nil {
				return s
			}
			return r.ReplaceAllLiteralString(s, repl)
		},
		"regexSplit": func(re, s string, n int) []string {
			r, err := regexp.Compile(re)
			if err != nil {
				return []string{s}
			}
			return r.Split(s, n)
		},
		"kindOf": func(v interface{}) string {
			if v == nil {
				return "invalid"
			}
			return reflect.ValueOf(v).Kind().String()
		},
		"kindIs": func(k string, v interface{}) bool {
			if v == nil {
				return k == "invalid"
			}
			return reflect.ValueOf(v).Kind().String() == k
		},
		"typeOf":    func(v interface{}) string { return fmt.Sprintf("%T", v) },
		"typeIs":    func(t string, v interface{}) bool { return fmt.Sprintf("%T", v) == t },
		"deepEqual": reflect.DeepEqual,
		"base":      func(s string) string { return s }, "dir": func(s string) string { return s },
		"ext": func(string) string { return "" }, "clean": func(s string) string { return s },
		"isAbs":         func(s string) bool { return strings.HasPrefix(s, "/") },
		"urlParse":      func(string) map[string]interface{} { return map[string]interface{}{} },
		"getHostByName": func(string) string { return "127.0.0.1" },
	}
	return f
}

type certificate struct{ Cert, Key string }

func fixedString(int) string { return "xxxxxxxx" }

func required(msg string, v interface{}) (interface{}, error) {
	if v == nil {
		return nil, errors.New(msg)
	}
	if s, ok := v.(string); ok && s == "" {
		return nil, errors.New(msg)
	}
	return v, nil
}

func empty(v interface{}) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return rv.Len() == 0
	case reflect.Bool:
		return !rv.Bool()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return rv.Int() == 0
	case reflect.Float64, reflect.Float32:
		return rv.Float() == 0
	case reflect.Ptr, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

func str(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []byte:
		return string(x)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func toInt(v interface{}) int {
	switch x := v.(type) {
	case int:
		return x
	case int64:
		return int(x)
	case float64:
		return int(x)
	case string:
		n, _ := strconv.Atoi(x)
		return n
	case bool:
		if x {
			return 1
		}
	}
	return 0
}

func toFloat(v interface{}) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int:
		return float64(x)
	case string:
		f, _ := strconv.ParseFloat(x, 64)
		return f
	}
	return 0
}

func list(v interface{}) []interface{} {
	if v == nil {
		return []interface{}{}
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return []interface{}{}
	}
	out := make([]interface{}, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out
}

func merge(dst map[string]interface{}, srcs ...map[string]interface{}) map[string]interface{} {
	for _, src := range srcs {
		for k, v := range src {
			if _, ok := dst[k]; !ok {
				dst[k] = v
			}
		}
	}
	return dst
}

func indent(n int, s string) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

func b64enc(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func jsonText(s string) string { b, _ := json.Marshal(s); return string(b) }

// toJSONText stands in for toYaml too: JSON is YAML, and as a flow
// collection it stays valid at any indentation nindent puts it.
func toJSONText(v interface{}) string {
	if v == nil {
		return "null"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

func fromJSONOrEmpty(s string) map[string]interface{} {
	out := map[string]interface{}{}
	_ = json.Unmarshal([]byte(s), &out)
	return out
}

func fromJSONArray(s string) []interface{} {
	out := []interface{}{}
	_ = json.Unmarshal([]byte(s), &out)
	return out
}

// semverCompare answers range checks against the cluster version as if the
// cluster were current, which is how charts pick their API versions.
func semverCompare(constraint string, version string) bool {
	c := strings.TrimSpace(constraint)
	return strings.HasPrefix(c, ">") || strings.HasPrefix(c, "^") || strings.HasPrefix(c, "~")
}
