// The reference the spaced-repetition tests check against: FSRS-5 as published (the fsrs4anki
// wiki's "The Algorithm", open-spaced-repetition's fsrs-rs), written out again here with its own
// copy of the default weights, so a slip in the code under test cannot produce its own expected
// values. Grades as numbers: 1 Again, 2 Hard, 3 Good, 4 Easy; t in days.
#pragma once

#include <algorithm>
#include <cmath>

namespace mockcoach::fsrs_reference {

inline constexpr double W[19] = {0.40255, 1.18385, 3.173,  15.69105, 7.1949, 0.5345, 1.4604,
                                 0.0046,  1.54575, 0.1192, 1.01925,  1.9395, 0.11,   0.29605,
                                 2.2698,  0.2315,  2.9898, 0.51655,  0.6621};

// R(t, S) = (1 + 19/81 t/S)^-0.5
inline double R(double t, double S) {
    return std::pow(1 + 19.0 / 81.0 * t / S, -0.5);
}
// D0(G) = w4 - e^(w5 (G-1)) + 1, within 1..10
inline double D0(int G) {
    return std::min(10.0, std::max(1.0, W[4] - std::exp(W[5] * (G - 1)) + 1));
}
// D' = D - w6 (G-3) (10-D)/9, then D'' = w7 D0(4) + (1-w7) D', within 1..10
inline double next_D(double D, int G) {
    const double d_prime = D - W[6] * (G - 3) * (10 - D) / 9;
    const double d_easy = W[4] - std::exp(W[5] * 3) + 1;
    return std::min(10.0, std::max(1.0, W[7] * d_easy + (1 - W[7]) * d_prime));
}
// The same day: S e^(w17 (G-3+w18)); a lapse:
// min(S / e^(w17 w18), w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)));
// a success: S (e^w8 (11-D) S^-w9 (e^(w10 (1-R)) - 1) w15[Hard] w16[Easy] + 1).
inline double next_S(double S, double D, int G, int t) {
    if (t == 0) return S * std::exp(W[17] * (G - 3 + W[18]));
    const double r = R(t, S);
    if (G == 1)
        return std::min(S / std::exp(W[17] * W[18]), W[11] * std::pow(D, -W[12]) *
                                                         (std::pow(S + 1, W[13]) - 1) *
                                                         std::exp(W[14] * (1 - r)));
    const double hard = G == 2 ? W[15] : 1, easy = G == 4 ? W[16] : 1;
    return S * (std::exp(W[8]) * (11 - D) * std::pow(S, -W[9]) * (std::exp(W[10] * (1 - r)) - 1) *
                    hard * easy +
                1);
}
// I(r, S) = S / (19/81) (r^(1/-0.5) - 1), rounded, at least a day.
inline long interval(double S, double retention) {
    return std::max(1L, std::lround(S / (19.0 / 81.0) * (std::pow(retention, 1 / -0.5) - 1)));
}

} // namespace mockcoach::fsrs_reference
