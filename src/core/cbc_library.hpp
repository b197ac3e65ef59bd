// SPDX-License-Identifier: MIT
#pragma once
#include <coin/Cbc_C_Interface.h>

namespace coterm {

/// The functions of COIN-OR CBC's C interface that `propose`'s exact model uses, from
/// the library loaded on first use (dlopen), not at start-up: CBC and its COIN-OR
/// dependencies are ~30 M instructions of dynamic linking, a quarter of a small run's
/// start-up, that every other command would pay for nothing.
struct CbcLibrary {
    decltype(&Cbc_newModel) newModel;
    decltype(&Cbc_deleteModel) deleteModel;
    decltype(&Cbc_setLogLevel) setLogLevel;
    decltype(&Cbc_addCol) addCol;
    decltype(&Cbc_addRow) addRow;
    decltype(&Cbc_setMaximumNodes) setMaximumNodes;
    decltype(&Cbc_setParameter) setParameter;
    decltype(&Cbc_solve) solve;
    decltype(&Cbc_isProvenInfeasible) isProvenInfeasible;
    decltype(&Cbc_isProvenOptimal) isProvenOptimal;
    decltype(&Cbc_getObjValue) getObjValue;
    decltype(&Cbc_getBestPossibleObjValue) getBestPossibleObjValue;
    decltype(&Cbc_bestSolution) bestSolution;
};

/// CBC, loaded once (thread-safe). Throws DataError naming the library and dlopen's
/// reason when it cannot be loaded or lacks a function.
const CbcLibrary& cbc_library();

} // namespace coterm
